import { registerCatalog } from './catalog.js';
import type { CommandContext } from './command-context.js';
import { registerCompile } from './compile.js';
import { registerCompute } from './compute.js';
import { registerDiff } from './diff.js';
import { registerExplain } from './explain.js';
import { registerInit } from './init.js';
import { registerLint } from './lint.js';
import { registerTest } from './test.js';
import { registerVariance } from './variance.js';
import { registerVerify } from './verify.js';

/** Every command, in the order `rmos --help` lists them. Each imports its module only when run. */
export const COMMANDS: readonly ((context: CommandContext) => void)[] = [registerInit, registerCompute, registerVariance, registerDiff, registerLint, registerTest, registerExplain, registerCompile, registerCatalog, registerVerify];
