export { InputError, UsageError } from '../errors.js';

/** What a command hands back to the CLI: text for stdout and stderr, and the exit code. */
export interface CommandResult {
  readonly exitCode: number;
  readonly stdout?: string;
  readonly stderr?: string;
}
