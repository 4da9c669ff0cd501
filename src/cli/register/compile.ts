import { Option } from 'commander';
import type { CompileOptions } from '../commands/compile.js';
import { collect, type CommandContext } from './command-context.js';

const DIALECTS = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'trino', 'spark'];

export function registerCompile({ program, finish }: CommandContext): void {
  program
    .command('compile')
    .description('print SQL that computes the metrics from the same definitions, for a warehouse engine')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .addOption(new Option('--dialect <dialect>', 'SQL dialect').choices(DIALECTS).makeOptionMandatory())
    .option('-m, --metrics <ids>', 'only these metrics, comma-separated (default: all not deprecated)', collect, undefined)
    .option('-b, --by <dims>', 'segment by dimensions, comma-separated (repeatable)', collect, [])
    .option('-p, --period <period>', 'period: 2025-10, 2025-Q3, 2025-W14, 2025, FY2026, FY2026-Q1')
    .option('--from <date>', 'first day of a custom period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of a custom period (YYYY-MM-DD)')
    .option('--table <source=table>', 'the table holding a source\'s rows (default: the source id; repeatable)', collect, [])
    .option('--order-by <source=column>', 'a column giving the rows\' load order, so the first copy of a duplicate key counts (repeatable)', collect, [])
    .option('--decimal <source=mark>', 'decimal mark of a source\'s number cells, . or , (default: the source\'s; . when auto)', collect, [])
    .option('--param <name=value>', 'override a library parameter (repeatable)', collect, [])
    .option('-d, --data <dir>', 'duckdb only: read the exports in DIR with read_csv instead of tables')
    .option('--accounting', 'print the query that accounts for every row (out of period, duplicate, excluded, missing, invalid, used)')
    .action(async (lib: string, options: CompileOptions) => {
      const { compileCommand } = await import('../commands/compile.js');
      finish(await compileCommand(lib, options));
    });
}
