import type { CommandContext } from './command-context.js';
import { registerCompute } from './compute.js';
import { registerExplain } from './explain.js';
import { registerLint } from './lint.js';
import { registerVariance } from './variance.js';

/** Every command, in the order `rmos --help` lists them. Each imports its module only when run. */
export const COMMANDS: readonly ((context: CommandContext) => void)[] = [registerCompute, registerVariance, registerLint, registerExplain];
