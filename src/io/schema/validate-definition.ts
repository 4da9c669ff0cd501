import type { ValidateFunction } from 'ajv';
import type { Problem } from '../../core/problem.js';
import * as validators from './generated/validators.js';
import { schemaProblems } from './schema-problems.js';

export type DefinitionKind = 'manifest' | 'source' | 'metric' | 'targets' | 'notes' | 'fixture';

const TITLES: Record<DefinitionKind, string> = { manifest: 'manifest', source: 'source', metric: 'metric', targets: 'targets file', notes: 'notes file', fixture: 'fixture' };

/**
 * Validates plain data against the schema of its kind; problems sit on the offending
 * node. The validators are compiled from schemas/ at build time (see
 * scripts/generate-validators.mjs), so no schema is compiled when rmos starts.
 */
export function validateDefinition(kind: DefinitionKind, file: string, data: unknown): Problem[] {
  const validate: ValidateFunction = validators[kind];
  if (validate(data)) return [];
  return schemaProblems(file, data, validate.errors ?? [], TITLES[kind]);
}
