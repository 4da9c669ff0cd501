import { metric, RESPONSES } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

testRule('duplicate-id', {
  valid: [
    { name: 'distinct ids', library: { metrics: { 'a.yaml': metric('a'), 'b.yaml': metric('b') } } },
    { name: 'a source and a metric may share an id', library: { metrics: { 'responses.yaml': metric('responses') } } },
  ],
  invalid: [
    {
      name: 'two metric files define the same id; the second file is reported on its id',
      library: { metrics: { 'a.yaml': metric('a'), 'b.yaml': metric('a') } },
      errors: [{ file: 'metrics/b.yaml', line: 1, column: 9, message: "the metric 'a' is already defined in metrics/a.yaml; ids must be unique (this file is ignored)" }],
    },
    {
      name: 'two source files define the same id',
      library: { sources: { 'responses.yaml': RESPONSES, 'responses_copy.yaml': RESPONSES } },
      errors: [{ file: 'sources/responses_copy.yaml', line: 1, column: 9, message: "the source 'responses' is already defined in sources/responses.yaml; ids must be unique (this file is ignored)" }],
    },
    {
      name: 'a third copy is reported against the first definition too',
      library: { metrics: { 'a.yaml': metric('a'), 'b.yaml': metric('a'), 'c.yaml': metric('a') } },
      errors: [
        { file: 'metrics/b.yaml', line: 1, column: 9, message: /already defined in metrics\/a\.yaml/ },
        { file: 'metrics/c.yaml', line: 1, column: 9, message: /already defined in metrics\/a\.yaml/ },
      ],
    },
  ],
});
