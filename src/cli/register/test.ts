import { Option } from 'commander';
import { wantsColor } from '../color.js';
import type { CommandContext } from './command-context.js';

const TEST_FORMATS = ['stylish', 'json', 'junit'];

export function registerTest({ program, finish }: CommandContext): void {
  program
    .command('test')
    .description('run the fixture tests in tests/*.yaml: inline rows, expected values')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(TEST_FORMATS).default('stylish'))
    .option('--pass-with-no-tests', 'exit 0 when the library has no fixture tests')
    .action(async (lib: string, options: { format: string; passWithNoTests?: boolean }) => {
      const { testCommand } = await import('../commands/test.js');
      finish(await testCommand(lib, { ...options, color: wantsColor(process.stdout) }));
    });
}
