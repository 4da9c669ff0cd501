import { Option } from 'commander';
import type { VerifyOptions } from '../commands/verify.js';
import type { CommandContext } from './command-context.js';

export function registerVerify({ program, finish }: CommandContext): void {
  program
    .command('verify')
    .description('re-derive a saved JSON report from its recorded inputs and definitions, and say whether it still reproduces')
    .argument('<report>', 'a report written by rmos compute --format json')
    .option('-d, --data <dir>', 'where the input files are now, if not at the recorded paths (found by file name)')
    .option('--lib <dir>', 'the library folder, if not at the recorded path')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (report: string, options: VerifyOptions) => {
      const { verifyCommand } = await import('../commands/verify.js');
      finish(await verifyCommand(report, options));
    });
}
