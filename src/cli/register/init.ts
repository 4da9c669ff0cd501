import type { CommandContext } from './command-context.js';

export function registerInit({ program, finish }: CommandContext): void {
  program
    .command('init')
    .description('scaffold a metric library: extends the standard one, sample exports, a fixture test and a CI workflow')
    .argument('[dir]', 'folder for the new library (created if missing)', '.')
    .option('--name <name>', 'library name (default: from the folder name)')
    .option('--timezone <zone>', 'IANA time zone that places rows in periods', 'UTC')
    .option('--force', 'write into a folder that is not empty, replacing files of the same name')
    .action(async (dir: string, options: { name?: string; timezone: string; force?: boolean }) => {
      const { initCommand } = await import('../commands/init.js');
      finish(initCommand(dir, options));
    });
}
