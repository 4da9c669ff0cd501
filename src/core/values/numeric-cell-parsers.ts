import { cellText, quoteCell } from './cell-text.js';
import { scanCurrency } from './parse-currency.js';
import { makeDecimalSyntax, scanDecimal } from './parse-decimal.js';
import { scanPercent } from './parse-percent.js';
import { type Invalid, type Value, type ValueOptions, invalid } from './value-types.js';

export type CellParser = (raw: string, start: number, end: number) => Value | Invalid;

type NumericType = 'integer' | 'number' | 'currency' | 'percent';

// Bounds are shown the way the cells are written: percent bounds as percentages.
function formatBound(bound: number, type: NumericType): string {
  return type === 'percent' ? `${Number((bound * 100).toPrecision(12))}%` : String(bound);
}

function withRange(parse: CellParser, options: ValueOptions, type: NumericType): CellParser {
  const { min, max } = options;
  if (min === undefined && max === undefined) return parse;
  const lo = min ?? Number.NEGATIVE_INFINITY;
  const hi = max ?? Number.POSITIVE_INFINITY;
  return (raw, start, end) => {
    const value = parse(raw, start, end);
    if (typeof value !== 'number') return value;
    if (value < lo) return invalid(`${cellText(raw, start, end)} is below the minimum ${formatBound(lo, type)}`);
    if (value > hi) return invalid(`${cellText(raw, start, end)} is above the maximum ${formatBound(hi, type)}`);
    return value;
  };
}

/**
 * Integer cells accept a zero fraction (9.0, 9.00) because exports often
 * write whole numbers that way, but never an exponent: '1e3' in an integer
 * column is far more often a spreadsheet mangling an ID than a count.
 */
function integerParser(options: ValueOptions): CellParser {
  const syntax = makeDecimalSyntax(options.decimal, false, true);
  return (raw, start, end) => {
    const value = scanDecimal(raw, start, end, syntax, true, 0);
    if (Number.isNaN(value)) return invalid(`${quoteCell(raw, start, end)} is not an integer`);
    if (!Number.isSafeInteger(value)) return invalid(`${quoteCell(raw, start, end)} is too large to be an exact integer`);
    return value;
  };
}

function numberParser(options: ValueOptions): CellParser {
  const syntax = makeDecimalSyntax(options.decimal, true);
  return (raw, start, end) => {
    const value = scanDecimal(raw, start, end, syntax, true, 0);
    return Number.isNaN(value) ? invalid(`${quoteCell(raw, start, end)} is not a number`) : value;
  };
}

/** Currency and percent cells do not take exponents: no export writes money or shares that way. */
function currencyParser(options: ValueOptions): CellParser {
  const syntax = makeDecimalSyntax(options.decimal, false);
  return (raw, start, end) => {
    const value = scanCurrency(raw, start, end, syntax);
    return Number.isNaN(value) ? invalid(`${quoteCell(raw, start, end)} is not a currency amount`) : value;
  };
}

function percentParser(options: ValueOptions): CellParser {
  const syntax = makeDecimalSyntax(options.decimal, false);
  return (raw, start, end) => {
    const value = scanPercent(raw, start, end, syntax);
    return Number.isNaN(value) ? invalid(`${quoteCell(raw, start, end)} is not a percentage`) : value;
  };
}

const FACTORIES: Record<NumericType, (options: ValueOptions) => CellParser> = {
  integer: integerParser,
  number: numberParser,
  currency: currencyParser,
  percent: percentParser,
};

export function makeNumericCellParser(options: ValueOptions, type: NumericType): CellParser {
  return withRange(FACTORIES[type](options), options, type);
}
