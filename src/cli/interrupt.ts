/** Thrown when the user pressed Ctrl-C: the run stops, temporary files are removed, nothing partial is left. */
export class Interrupted extends Error {
  constructor() {
    super('interrupted; no output was written');
    this.name = 'Interrupted';
  }
}

let controller: AbortController | undefined;

/** A signal that aborts on SIGINT or SIGTERM; long reads check it between chunks. */
export function interruptSignal(): AbortSignal {
  if (!controller) {
    const abort = new AbortController();
    controller = abort;
    const stop = (): void => abort.abort(new Interrupted());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }
  return controller.signal;
}
