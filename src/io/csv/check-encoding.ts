import { csvErrorAt } from './csv-error.js';

/** How many leading bytes inspectPrefix wants before judging (fewer only at end of input). */
export const PREFIX_BYTES = 1024;

/**
 * Judges the first bytes of a file before any parsing: returns the length of a UTF-8 BOM to skip
 * (0 or 3), or throws CsvError 'utf16' / 'binary' for files that are not UTF-8 text. These are the
 * usual wrong downloads — Excel "Unicode Text", a workbook saved with a .csv name, a PDF — and a
 * specific sentence helps more than a parse error on line 1.
 *
 * NUL bytes in UTF-8 files are reported by the scanner with their line, wherever they occur.
 */
export function inspectPrefix(bytes: Uint8Array, start: number, end: number, path: string): number {
  const at = (i: number): number => (start + i < end ? bytes[start + i]! : -1);
  const length = Math.min(end - start, PREFIX_BYTES);

  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return 3;
  if (at(0) === 0x50 && at(1) === 0x4b && at(2) === 0x03 && at(3) === 0x04) {
    throw notCsv(path, 'it is a zip archive, probably an Excel workbook (.xlsx); export the sheet as CSV UTF-8 and try again');
  }
  if (at(0) === 0xd0 && at(1) === 0xcf && at(2) === 0x11 && at(3) === 0xe0) {
    throw notCsv(path, 'it is an Excel 97-2003 workbook (.xls); export the sheet as CSV UTF-8 and try again');
  }
  if (at(0) === 0x25 && at(1) === 0x50 && at(2) === 0x44 && at(3) === 0x46) {
    throw notCsv(path, 'it is a PDF document; export the data as CSV and try again');
  }
  if ((at(0) === 0xff && at(1) === 0xfe) || (at(0) === 0xfe && at(1) === 0xff) || looksLikeUtf16(bytes, start, length)) {
    throw csvErrorAt('utf16', path, 0, 0, 'is UTF-16 encoded; save it as UTF-8 (CSV UTF-8 in Excel) and try again');
  }
  let controls = 0;
  for (let i = start; i < start + length; i++) {
    const b = bytes[i]!;
    // Tab, LF, CR, form feed, Ctrl-Z (DOS end-of-file marker) and ESC appear in real text exports.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a && b !== 0x1b && b !== 0) controls++;
  }
  // A few stray control characters can be data; binary formats are full of them.
  if (controls > 8 && controls * 50 > length) {
    throw notCsv(path, 'it contains binary data in its first kilobyte; check that you exported CSV text');
  }
  return 0;
}

function notCsv(path: string, why: string) {
  return csvErrorAt('binary', path, 0, 0, `does not look like a CSV file: ${why}`);
}

/** UTF-16 text without BOM: ASCII characters leave a NUL in every other byte, all on one side. */
function looksLikeUtf16(bytes: Uint8Array, start: number, length: number): boolean {
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[start + i] === 0) {
      if (i % 2 === 0) evenNuls++;
      else oddNuls++;
    }
  }
  const pairs = Math.floor(length / 2);
  return pairs > 0 && Math.max(evenNuls, oddNuls) * 2 >= pairs && Math.min(evenNuls, oddNuls) * 10 <= Math.max(evenNuls, oddNuls);
}
