import { runVerify } from '../../io/verify/run-verify.js';
import { formatVerify } from '../../report/verify/verify-report.js';
import type { CommandResult } from '../errors.js';

export interface VerifyOptions {
  readonly data?: string;
  readonly lib?: string;
  readonly format: string;
}

export async function verifyCommand(report: string, options: VerifyOptions): Promise<CommandResult> {
  const outcome = await runVerify({ report, data: options.data, library: options.lib });
  const text = options.format === 'json' ? `${JSON.stringify(outcome, null, 2)}\n` : formatVerify(outcome);
  return { exitCode: outcome.metrics.every((m) => m.reproduces) ? 0 : 1, stdout: text };
}
