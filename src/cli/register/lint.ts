import { Option } from 'commander';
import { wantsColor } from '../color.js';
import { parseCount } from '../parse-options.js';
import type { CommandContext } from './command-context.js';

export const LINT_FORMATS = ['stylish', 'json', 'github', 'sarif', 'junit', 'gitlab'];

export function registerLint({ program, finish }: CommandContext): void {
  program
    .command('lint')
    .description('check a metric library: schemas, expressions, references and governance rules')
    .argument('[lib]', 'library folder (holding rmos.yaml)', '.')
    .addOption(new Option('-f, --format <format>', 'output format').choices(LINT_FORMATS).default('stylish'))
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount('--max-warnings'))
    .option('--exit-zero', 'exit 0 even when there are errors (to roll out rules gradually); usage errors still exit 2')
    .option('--base <ref>', 'also check what changed since a git revision: version bumps, changelog, status, approvers, removals (e.g. origin/main)')
    .action(async (lib: string, options: { format: string; maxWarnings?: number; exitZero?: boolean; base?: string }) => {
      const { lintCommand } = await import('../commands/lint.js');
      finish(lintCommand(lib, { ...options, color: wantsColor(process.stdout) }));
    });
}
