import type { Command } from 'commander';
import type { CommandResult } from '../errors.js';

/** What a command registration gets: the program, and how to hand back a result. */
export interface CommandContext {
  readonly program: Command;
  /** Writes the result and records its exit code. */
  readonly finish: (result: CommandResult) => void;
}

export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
