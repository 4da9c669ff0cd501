import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import manifestSchema from '../../../schemas/manifest.schema.json';
import metricSchema from '../../../schemas/metric.schema.json';
import notesSchema from '../../../schemas/notes.schema.json';
import sourceSchema from '../../../schemas/source.schema.json';
import targetsSchema from '../../../schemas/targets.schema.json';
import type { Problem } from '../../core/problem.js';
import { schemaProblems } from './schema-problems.js';

export type DefinitionKind = 'manifest' | 'source' | 'metric' | 'targets' | 'notes';

const TITLES: Record<DefinitionKind, string> = { manifest: 'manifest', source: 'source', metric: 'metric', targets: 'targets file', notes: 'notes file' };
const SCHEMAS: Record<DefinitionKind, object> = { manifest: manifestSchema, source: sourceSchema, metric: metricSchema, targets: targetsSchema, notes: notesSchema };

let validators: Map<DefinitionKind, ValidateFunction> | undefined;

function validator(kind: DefinitionKind): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv2020({ allErrors: true, strict: false, verbose: true });
    validators = new Map();
    for (const k of Object.keys(SCHEMAS) as DefinitionKind[]) validators.set(k, ajv.compile(SCHEMAS[k]));
  }
  return validators.get(kind)!;
}

/** Validates plain data against the schema of its kind; problems sit on the offending node. */
export function validateDefinition(kind: DefinitionKind, file: string, data: unknown): Problem[] {
  const validate = validator(kind);
  if (validate(data)) return [];
  return schemaProblems(file, data, validate.errors ?? [], TITLES[kind]);
}
