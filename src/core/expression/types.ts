import type { ColumnType } from '../library/types.js';

/** Types an expression can have. Numeric column types are all `number`. */
export type ValueType = 'number' | 'string' | 'boolean' | 'date' | 'timestamp';

export function valueTypeOf(column: ColumnType): ValueType {
  switch (column) {
    case 'integer':
    case 'number':
    case 'currency':
    case 'percent':
      return 'number';
    default:
      return column;
  }
}

export function describeType(type: ValueType): string {
  return type === 'string' ? 'text' : type;
}
