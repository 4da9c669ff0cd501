const LF = 0x0a;

/**
 * Line and column (both 1-based, column in characters) of byte `at`, given that `lineStart`
 * is the start of physical line `line`. Only used to build messages, so a plain loop is fine.
 */
export function locateOffset(bytes: Uint8Array, lineStart: number, line: number, at: number): { line: number; column: number } {
  let currentStart = lineStart;
  for (let k = lineStart; k < at; k++) {
    if (bytes[k] === LF) {
      line++;
      currentStart = k + 1;
    }
  }
  // UTF-8 continuation bytes (10xxxxxx) do not start a character.
  let column = 1;
  for (let k = currentStart; k < at; k++) {
    if ((bytes[k]! & 0xc0) !== 0x80) column++;
  }
  return { line, column };
}
