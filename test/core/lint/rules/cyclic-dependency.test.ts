import { metric } from '../lint-library.js';
import { testRule } from '../rule-tester.js';

testRule('cyclic-dependency', {
  valid: [
    {
      name: 'a diamond: a uses b and c, both use d',
      library: { metrics: { 'a.yaml': metric('a', 'b + c'), 'b.yaml': metric('b', 'd * 2'), 'c.yaml': metric('c', 'd / 2'), 'd.yaml': metric('d') } },
    },
  ],
  invalid: [
    {
      name: 'a cycle across three metrics: each member is reported, the message names the cycle from it',
      library: {
        metrics: {
          'a.yaml': metric('a', 'b + total'),
          'b.yaml': metric('b', 'c + total'),
          'c.yaml': metric('c', 'total + a'),
          'd.yaml': metric('d', 'a * 2'),
        },
      },
      errors: [
        { file: 'metrics/a.yaml', line: 12, column: 10, message: 'metrics depend on each other in a loop: a -> b -> c -> a' },
        { file: 'metrics/b.yaml', line: 12, column: 10, message: 'metrics depend on each other in a loop: b -> c -> a -> b' },
        { file: 'metrics/c.yaml', line: 12, column: 10, message: 'metrics depend on each other in a loop: c -> a -> b -> c' },
      ],
    },
    {
      name: 'two metrics using each other',
      library: { metrics: { 'x.yaml': metric('x', 'y'), 'y.yaml': metric('y', 'x') } },
      errors: [
        { file: 'metrics/x.yaml', line: 12, column: 10, message: 'metrics depend on each other in a loop: x -> y -> x' },
        { file: 'metrics/y.yaml', line: 12, column: 10, message: 'metrics depend on each other in a loop: y -> x -> y' },
      ],
    },
  ],
});
