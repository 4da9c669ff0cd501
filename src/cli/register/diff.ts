import { Option } from 'commander';
import { wantsColor } from '../color.js';
import type { DiffOptions } from '../commands/diff.js';
import { collect, type CommandContext } from './command-context.js';

export function registerDiff({ program, finish }: CommandContext): void {
  program
    .command('diff')
    .description('what changed in the metric definitions between two git revisions, and with data what it does to the numbers')
    .argument('<refA>', 'the earlier revision: a branch, tag or commit (e.g. v1.2.0, origin/main)')
    .argument('[refB]', 'the later revision (default: the working tree)')
    .option('-l, --lib <dir>', 'library folder (holding rmos.yaml)', '.')
    .option('-d, --data <dir>', 'folder of exports: compute both versions of each changed metric on the same data')
    .option('-s, --source <name=path>', 'the export(s) of one source (repeatable)', collect, [])
    .option('-p, --period <period>', 'period to compute: 2025-10, 2025-Q3, 2025-W14, 2025, FY2026, FY2026-Q1')
    .option('--from <date>', 'first day of a custom period (YYYY-MM-DD)')
    .option('--to <date>', 'last day of a custom period (YYYY-MM-DD)')
    .option('-b, --by <dims>', 'also compare per segment of these dimensions, comma-separated (repeatable)', collect, [])
    .option('-m, --metrics <ids>', 'only these metrics, comma-separated', collect, undefined)
    .option('--param <name=value>', 'override a library parameter in both versions for the numeric impact (repeatable)', collect, [])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'markdown']).default('table'))
    .option('-o, --out <file>', 'write the output to a file instead of stdout')
    .action(async (refA: string, refB: string | undefined, options: Omit<DiffOptions, 'color'>) => {
      const { diffCommand } = await import('../commands/diff.js');
      finish(await diffCommand(refA, refB, { ...options, color: wantsColor(process.stdout) }));
    });
}
