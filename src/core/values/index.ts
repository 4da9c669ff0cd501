export type { ColumnType, Invalid, Value, ValueOptions } from './value-types.js';
export { isInvalid } from './value-types.js';
export { makeValueParser } from './make-value-parser.js';
export { DEFAULT_MISSING_TOKENS } from './missing-tokens.js';
export { FALLBACK, makeByteValueParser, type ByteValueParser } from './byte-value-parser.js';
