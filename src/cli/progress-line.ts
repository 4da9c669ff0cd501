import type { ProgressListener } from '../io/compute/compute-variants.js';

let drawnOn: NodeJS.WriteStream | undefined;

/**
 * A one-line progress report on stderr (file, rows, rate, files left), redrawn at
 * most four times a second and only when stderr is a terminal: logs and pipes stay
 * clean. Short runs (under half a second) never show it.
 */
export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressListener | undefined {
  if (!stream.isTTY) return undefined;
  const started = Date.now();
  let lastDraw = 0;
  let rowsBefore = 0;
  let currentFile = '';
  let fileRows = 0;
  return (file, index, total, rows) => {
    if (file !== currentFile) {
      rowsBefore += fileRows;
      currentFile = file;
    }
    fileRows = rows;
    const now = Date.now();
    if (now - lastDraw < 250 || now - started < 500) return;
    lastDraw = now;
    const read = rowsBefore + fileRows;
    const rate = Math.round(read / Math.max((now - started) / 1000, 0.001));
    const text = `reading ${file} (file ${index} of ${total}) · ${read.toLocaleString('en-US')} rows · ${rate.toLocaleString('en-US')} rows/s`;
    stream.write(`\r\x1b[K${text.slice(0, Math.max(20, (stream.columns ?? 100) - 1))}`);
    drawnOn = stream;
  };
}

/** Removes the progress line before the report or a message is printed. */
export function clearProgressLine(): void {
  drawnOn?.write('\r\x1b[K');
  drawnOn = undefined;
}
