/** Thrown when the user pressed Ctrl-C: the run stops, temporary files are removed, nothing partial is left. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted; no output was written');
    this.name = 'Interrupted';
  }
}

const controller = new AbortController();
let cooperative = false;

/**
 * Installed when the CLI starts. While a long run listens (see interruptSignal), Ctrl-C
 * aborts it so that it can clean up; otherwise there is nothing to clean and the
 * process ends at once.
 */
export function handleInterrupts(): void {
  const stop = (): void => {
    if (cooperative && !controller.signal.aborted) {
      controller.abort(new Interrupted());
      return;
    }
    process.stderr.write(`\nrmos: interrupted\n`);
    process.exit(130);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A signal that aborts on Ctrl-C; long reads check it between chunks. */
export function interruptSignal(): AbortSignal {
  cooperative = true;
  return controller.signal;
}
