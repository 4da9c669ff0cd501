import { basename, resolve } from 'node:path';
import { isValidTimeZone } from '../../core/periods/index.js';
import { libraryNameFor } from '../../io/init/plan-library.js';
import { scaffoldLibrary } from '../../io/init/scaffold-library.js';
import { UsageError, type CommandResult } from '../errors.js';

export interface InitOptions {
  readonly name?: string;
  readonly timezone: string;
  readonly force?: boolean;
}

const NAME = /^[a-z][a-z0-9_-]*$/;

/** Scaffolds a library that extends the standard one, with sample exports, a fixture test and CI. */
export function initCommand(dir: string, options: InitOptions): CommandResult {
  const name = options.name ?? libraryNameFor(basename(resolve(dir)));
  if (!NAME.test(name)) throw new UsageError(`--name ${name}: use lower-case letters, digits, '-' and '_', starting with a letter`);
  if (!isValidTimeZone(options.timezone)) throw new UsageError(`--timezone ${options.timezone}: not a time zone; use an IANA name such as UTC, Europe/Berlin or America/New_York`);
  const files = scaffoldLibrary(dir, { library: name, timezone: options.timezone }, options.force === true);
  const lines = [
    `Created the library '${name}' in ${dir} (${files.length} files):`,
    ...files.map((f) => `  ${f}`),
    '',
    'Next:',
    `  npx rmos lint ${dir}`,
    `  npx rmos test ${dir}`,
    `  npx rmos compute ${dir} --data ${dir === '.' ? '' : `${dir}/`}exports --period 2025-07`,
  ];
  return { exitCode: 0, stdout: `${lines.join('\n')}\n` };
}
