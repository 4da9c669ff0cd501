import { Command, CommanderError, Option } from 'commander';
import { VERSION } from '../version.js';
import { wantsColor } from './color.js';
import { InputError, UsageError, type CommandResult } from './errors.js';
import { parseCount } from './parse-options.js';

const FORMATS_LINT = ['stylish', 'json'];
const FORMATS_COMPUTE = ['table', 'json', 'csv', 'markdown'];

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Errors that are the user's to fix: a sentence, no stack trace, exit code 2. */
function isExpected(error: unknown): error is Error {
  return error instanceof UsageError || error instanceof InputError || (error instanceof Error && error.name === 'LibraryError');
}

function emit(result: CommandResult): number {
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.exitCode;
}

/**
 * Parses the command line and runs one command. Returns the exit code; only
 * bin/rmos sets it on the process, so output already written is never cut off.
 * Command modules are imported when their command runs, so that `rmos --help`
 * never loads the parser, the schemas or the engine.
 */
export async function run(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('rmos')
    .description('Governed metric libraries: lint, test and compute metric definitions kept as YAML in git.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .showHelpAfterError('(run `rmos --help` for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s), writeOut: (s) => process.stdout.write(s) });

  program
    .command('lint')
    .description('check a metric library: schemas, expressions, references and governance rules')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS_LINT).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount('--max-warnings'))
    .action(async (lib: string, options: { format: string; maxWarnings?: number }) => {
      const { lintCommand } = await import('./commands/lint.js');
      exitCode = emit(lintCommand(lib, { ...options, color: wantsColor(process.stdout) }));
    });

  program
    .command('compute')
    .description('compute metrics over CSV exports into a scorecard')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .option('-d, --data <dir>', 'folder of exports, matched to sources by file name (<source>.csv, <source>*.csv[.gz], <source>/)')
    .option('-s, --source <name=path>', 'the export(s) of one source: a file or folder (repeatable)', collect, [])
    .option('-p, --period <period>', 'period: 2025-10, 2025-Q3, 2025-W14, 2025, FY2026, FY2026-Q1')
    .option('--from <date>', 'first day of a custom period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of a custom period (YYYY-MM-DD)')
    .option('-b, --by <dims>', 'segment by dimensions, comma-separated (repeatable)', collect, [])
    .option('-m, --metrics <ids>', 'only these metrics, comma-separated (default: all not deprecated)', collect, undefined)
    .option('--param <name=value>', 'override a library parameter for this run (repeatable)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS_COMPUTE).default('table'))
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--rejects <file>', 'write every invalid value and duplicate row to a CSV file')
    .option('--strict', 'exit 1 when any value is invalid')
    .option('--timestamp', 'record when the report was generated (the report is otherwise byte-identical for the same inputs)')
    .action(async (lib: string, options: Record<string, any>) => {
      const { computeCommand } = await import('./commands/compute.js');
      exitCode = emit(await computeCommand(lib, { ...(options as any), color: wantsColor(process.stdout) }));
    });

  program
    .command('explain')
    .description('a metric in words, its lineage (columns -> measures -> value), and with data the computation')
    .argument('<metric>', 'metric id')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .option('-d, --data <dir>', 'folder of exports, to show the computation')
    .option('-s, --source <name=path>', 'the export(s) of one source (repeatable)', collect, [])
    .option('-p, --period <period>', 'period to compute, e.g. 2025-Q3')
    .option('--from <date>', 'first day of a custom period')
    .option('--to <date>', 'last day of a custom period')
    .action(async (metric: string, lib: string, options: Record<string, any>) => {
      const { explainCommand } = await import('./commands/explain.js');
      exitCode = emit(await explainCommand(metric, { ...(options as any), lib }));
    });

  for (const command of program.commands) command.exitOverride().showHelpAfterError(`(run \`rmos ${command.name()} --help\` for usage)`);

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (isExpected(error)) {
      process.stderr.write(`rmos: ${error.message}\n`);
      return 2;
    }
    const detail = error instanceof Error ? error.message : String(error);
    process.stderr.write(`rmos: internal error: ${detail}\nThis is a bug in rmos; please report it with the command you ran.\n`);
    if (process.env.RMOS_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    return 2;
  }
  return exitCode;
}
