import type { ExplainOptions } from '../commands/explain.js';
import { collect, type CommandContext } from './command-context.js';

export function registerExplain({ program, finish }: CommandContext): void {
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
    .action(async (metric: string, lib: string, options: Omit<ExplainOptions, 'lib'>) => {
      const { explainCommand } = await import('../commands/explain.js');
      finish(await explainCommand(metric, { ...options, lib }));
    });
}
