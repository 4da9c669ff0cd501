import { Command, CommanderError } from 'commander';
import { VERSION } from '../version.js';

/**
 * Parses the command line and runs one command. Returns the exit code; only
 * bin/rmos sets it on the process, so output already written is never cut off.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('rmos')
    .description('Governed metric libraries: lint, test and compute metric definitions kept as YAML in git.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) })
    .showHelpAfterError('(run `rmos --help` for usage)');

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? 0 : 2;
    }
    throw error;
  }
  return exitCode;
}
