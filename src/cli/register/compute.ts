import { Option } from 'commander';
import { wantsColor } from '../color.js';
import { parseCount } from '../parse-options.js';
import type { ComputeOptions } from '../commands/compute.js';
import { collect, type CommandContext } from './command-context.js';

const COMPUTE_FORMATS = ['table', 'json', 'csv', 'markdown', 'html'];

export function registerCompute({ program, finish }: CommandContext): void {
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
    .addOption(new Option('--compare <period>', 'also compute the prior period or the same period a year ago, with the change').choices(['prior', 'yoy']))
    .option('--trend <n>', 'also compute the last N periods at the same grain (shown as a sparkline)', parseCount('--trend'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(COMPUTE_FORMATS).default('table'))
    .addOption(new Option('--engine <engine>', 'the built-in streaming engine, or the same definitions compiled to SQL and run in embedded DuckDB (optional dependency)').choices(['builtin', 'duckdb']).default('builtin'))
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .option('--rejects <file>', 'write every invalid value and duplicate row to a CSV file')
    .option('--strict', 'exit 1 when any value is invalid')
    .option('--at <ref>', 'compute with the definitions of a git revision (branch, tag or commit), e.g. to reproduce a past report')
    .option('--timestamp', 'record when the report was generated (the report is otherwise byte-identical for the same inputs)')
    .action(async (lib: string, options: Omit<ComputeOptions, 'color'>) => {
      const { computeCommand } = await import('../commands/compute.js');
      finish(await computeCommand(lib, { ...options, color: wantsColor(process.stdout) }));
    });
}
