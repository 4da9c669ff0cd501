import { Option } from 'commander';
import type { CommandContext } from './command-context.js';

const CATALOG_FORMATS = ['markdown', 'html'];

export function registerCatalog({ program, finish }: CommandContext): void {
  program
    .command('catalog')
    .description('documentation of a library: every metric, its formula, measures, sources, owner and history')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(CATALOG_FORMATS).default('markdown'))
    .option('-o, --out <file>', 'write the catalog to a file instead of stdout')
    .action(async (lib: string, options: { format: string; out?: string }) => {
      const { catalogCommand } = await import('../commands/catalog.js');
      finish(await catalogCommand(lib, options));
    });
}
