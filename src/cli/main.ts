import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';
import { InputError, UsageError, type CommandResult } from './errors.js';
import { handleInterrupts, Interrupted } from './interrupt.js';
import { COMMANDS } from './register/index.js';
import { writeStdout } from './write-stdout.js';

/** Errors that are the user's to fix: a sentence, no stack trace, exit code 2. */
function isExpected(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof InputError || (error instanceof Error && error.name === 'LibraryError');
}

/** A failed allocation of a typed array or buffer: the machine (or its limits) had no more memory to give. */
export function isOutOfMemory(error: unknown): error is RangeError {
  return error instanceof RangeError && /allocation failed|invalid (typed )?array( buffer)? length/i.test(error.message);
}

export const OUT_OF_MEMORY_ADVICE =
  'What rmos keeps grows with the rows in the period: the keys seen for a source with a key (16 bytes a row) and the values of median and percentile measures. Compute a shorter period or fewer files at a time, or run where more memory is free.';

/**
 * Parses the command line and runs one command. Returns the exit code; only
 * bin/rmos sets it on the process, so output already written is never cut off.
 * Command modules are imported when their command runs, so that `rmos --help`
 * never loads the parser, the schemas or the engine.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  handleInterrupts();
  const program = new Command('rmos')
    .description('Governed metric libraries: lint, test and compute metric definitions kept as YAML in git.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run `rmos --help` for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  const finish = (result: CommandResult): void => {
    if (result.stdout) writeStdout(result.stdout);
    if (result.stderr) process.stderr.write(result.stderr);
    exitCode = result.exitCode;
  };
  for (const register of COMMANDS) register({ program, finish });
  for (const command of program.commands) command.exitOverride().showHelpAfterError(`(run \`rmos ${command.name()} --help\` for usage)`);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isExpected(error)) {
      process.stderr.write(`rmos: ${error.message}\n`);
      return 2;
    }
    if (error instanceof Interrupted) {
      process.stderr.write(`\nrmos: ${error.message}\n`);
      return 130;
    }
    if (isOutOfMemory(error)) {
      process.stderr.write(`rmos: not enough memory to finish (${error.message}). ${OUT_OF_MEMORY_ADVICE}\n`);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rmos: internal error: ${detail}\nThis is a bug in rmos; please report it with the command you ran (RMOS_DEBUG=1 shows where it happened).\n`);
    if (process.env.RMOS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
  return exitCode;
}
