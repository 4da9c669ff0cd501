import { MS_PER_DAY, daysFromCivil } from '../periods/epoch-day.js';
import { instantFromLocal, isValidTimeZone } from '../periods/time-zone.js';
import { quoteCell } from './cell-text.js';
import { newDateTimeFields, resetDateTimeFields, resolveDateTimeFields } from './date-time-fields.js';
import { compileFormat, matchFormat } from './date-time-format.js';
import type { CellParser } from './numeric-cell-parsers.js';
import { scanIsoTimestamp } from './parse-iso-timestamp.js';
import { type ValueOptions, invalid } from './value-types.js';

const DEFAULT_DATE_FORMAT = 'YYYY-MM-DD';

/**
 * Date cells → epoch day. Strict: a timestamp in a date column is invalid,
 * because silently dropping its time would also drop its time zone.
 */
export function makeDateCellParser(options: ValueOptions): CellParser {
  const format = compileFormat(options.dateFormat ?? DEFAULT_DATE_FORMAT, false);
  const f = newDateTimeFields();
  return (raw, start, end) => {
    resetDateTimeFields(f);
    if (!matchFormat(raw, start, end, format, f)) {
      return invalid(`${quoteCell(raw, start, end)} is not a date in ${format.text} format`);
    }
    if (!resolveDateTimeFields(f)) return invalid(`${quoteCell(raw, start, end)} is not a real date`);
    return daysFromCivil(f.year, f.month, f.day);
  };
}

/**
 * Timestamp cells → epoch milliseconds UTC. A stated offset wins; otherwise
 * the wall time is read in options.timezone (see instantFromLocal for how
 * repeated and skipped hours around DST changes are resolved).
 */
export function makeTimestampCellParser(options: ValueOptions): CellParser {
  const tz = options.timezone;
  if (!isValidTimeZone(tz)) throw new Error(`"${tz}" is not a known IANA time zone`);
  const format = options.timestampFormat === undefined ? null : compileFormat(options.timestampFormat, true);
  const shape = format === null ? 'ISO 8601' : `${format.text}`;
  const f = newDateTimeFields();
  return (raw, start, end) => {
    resetDateTimeFields(f);
    const matched = format === null ? scanIsoTimestamp(raw, start, end, f) : matchFormat(raw, start, end, format, f);
    if (!matched) return invalid(`${quoteCell(raw, start, end)} is not a timestamp in ${shape} format`);
    if (!resolveDateTimeFields(f)) return invalid(`${quoteCell(raw, start, end)} is not a real date and time`);
    if (f.hasOffset) {
      const wall =
        daysFromCivil(f.year, f.month, f.day) * MS_PER_DAY + f.hour * 3_600_000 + f.minute * 60_000 + f.second * 1000 + f.millisecond;
      return wall - f.offsetMs;
    }
    return instantFromLocal(f.year, f.month, f.day, f.hour, f.minute, f.second, f.millisecond, tz);
  };
}
