import { quoteCell, trimEndIndex, trimStartIndex } from './cell-text.js';
import { makeMissingTest } from './missing-tokens.js';
import { type CellParser, makeNumericCellParser } from './numeric-cell-parsers.js';
import { BOOLEAN_FORMS, scanBoolean } from './parse-boolean.js';
import { makeDateCellParser, makeTimestampCellParser } from './temporal-cell-parsers.js';
import { type Invalid, type Value, type ValueOptions, invalid } from './value-types.js';

const NUMERIC_TYPES = new Set(['integer', 'number', 'currency', 'percent']);
const MAX_LISTED_VALUES = 8;

function checkOptions(options: ValueOptions): void {
  if (options.decimal !== '.' && options.decimal !== ',') {
    throw new Error(`decimal separator must be "." or ",", not "${String(options.decimal)}"`);
  }
  const numeric = NUMERIC_TYPES.has(options.type);
  if (!numeric && (options.min !== undefined || options.max !== undefined)) {
    throw new Error(`min and max apply only to numeric columns, not ${options.type}`);
  }
  if (options.min !== undefined && options.max !== undefined && options.min > options.max) {
    throw new Error(`min ${options.min} is above max ${options.max}`);
  }
  if (options.type !== 'string' && options.values !== undefined) {
    throw new Error(`a list of allowed values applies only to string columns, not ${options.type}`);
  }
}

function stringParser(options: ValueOptions): CellParser {
  const allowed = options.values === undefined ? null : new Set(options.values.map((v) => v.trim()));
  const listed =
    allowed === null
      ? ''
      : [...allowed].slice(0, MAX_LISTED_VALUES).join(', ') + (allowed.size > MAX_LISTED_VALUES ? ', …' : '');
  return (raw, start, end) => {
    // slice returns the original string when nothing was trimmed.
    const text = start === 0 && end === raw.length ? raw : raw.slice(start, end);
    if (allowed !== null && !allowed.has(text)) {
      return invalid(`${quoteCell(raw, start, end)} is not one of the allowed values (${listed})`);
    }
    return text;
  };
}

const booleanParser: CellParser = (raw, start, end) => {
  const value = scanBoolean(raw, start, end);
  return value === null ? invalid(`${quoteCell(raw, start, end)} is not a boolean (use ${BOOLEAN_FORMS})`) : value;
};

function makeCellParser(options: ValueOptions): CellParser {
  switch (options.type) {
    case 'integer':
    case 'number':
    case 'currency':
    case 'percent':
      return makeNumericCellParser(options, options.type);
    case 'boolean':
      return booleanParser;
    case 'date':
      return makeDateCellParser(options);
    case 'timestamp':
      return makeTimestampCellParser(options);
    case 'string':
      return stringParser(options);
    default:
      throw new Error(`unknown column type "${String(options.type)}"`);
  }
}

/**
 * Builds the parser for one column. Everything that depends only on the
 * options (separators, formats, token lists, time zone) is worked out here,
 * once, so the returned function does the least possible per cell. Invalid
 * options throw an Error; invalid cells never throw.
 */
export function makeValueParser(options: ValueOptions): (raw: string) => Value | Invalid {
  checkOptions(options);
  const isMissing = makeMissingTest(options.missingTokens);
  const parseCell = makeCellParser(options);
  return (raw) => {
    const start = trimStartIndex(raw);
    const end = trimEndIndex(raw, start);
    if (isMissing(raw, start, end)) return null;
    return parseCell(raw, start, end);
  };
}
