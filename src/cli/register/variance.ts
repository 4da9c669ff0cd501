import { Option } from 'commander';
import { wantsColor } from '../color.js';
import type { VarianceOptions } from '../commands/variance.js';
import { collect, type CommandContext } from './command-context.js';

export function registerVariance({ program, finish }: CommandContext): void {
  program
    .command('variance')
    .description('actual against target, prior period, year ago, budget or reported figures, with tolerance, significance, drivers and notes')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .requiredOption('-a, --against <comparator>', 'target, prior, yoy, budget:FILE or reported:FILE')
    .option('-d, --data <dir>', 'folder of exports, matched to sources by file name')
    .option('-s, --source <name=path>', 'the export(s) of one source (repeatable)', collect, [])
    .option('-p, --period <period>', 'period: 2025-10, 2025-Q3, 2025-W14, 2025, FY2026, FY2026-Q1')
    .option('--from <date>', 'first day of a custom period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of a custom period (YYYY-MM-DD)')
    .option('-m, --metrics <ids>', 'only these metrics, comma-separated', collect, undefined)
    .option('--param <name=value>', 'override a library parameter for this run (repeatable)', collect, [])
    .option('--tolerance <metric=value>', "override a metric's tolerance: points (nps=3) or percent of the comparator (romi=10%) (repeatable)", collect, [])
    .option('--explain-by <dimension>', 'split each change into mix and rate effects by segment (with --against prior or yoy)')
    .option('--fail-on-variance', 'exit 1 when a variance is beyond tolerance')
    .option('--require-notes', 'exit 1 when a variance beyond tolerance has no note')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'markdown', 'html']).default('table'))
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .action(async (lib: string, options: Omit<VarianceOptions, 'color'>) => {
      const { varianceCommand } = await import('../commands/variance.js');
      finish(await varianceCommand(lib, { ...options, color: wantsColor(process.stdout) }));
    });
}
