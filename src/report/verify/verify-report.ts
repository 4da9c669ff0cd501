export interface VerifyMetric {
  readonly id: string;
  readonly reproduces: boolean;
  readonly recorded: number | null;
  readonly now: number | null;
  /** Why not: an input file, a definition, or the value. */
  readonly reasons: readonly string[];
}

export interface VerifyOutcome {
  readonly report: string;
  readonly library: { readonly path: string; readonly revision_recorded: string | null; readonly revision_now: string | null; readonly dirty_now: boolean | null };
  readonly inputs: readonly string[];
  readonly metrics: readonly VerifyMetric[];
}

/** Per metric: reproduces exactly, or what changed. */
export function formatVerify(outcome: VerifyOutcome): string {
  const lines = [`${outcome.report}: library ${outcome.library.path}${outcome.library.revision_recorded ? ` recorded at ${outcome.library.revision_recorded.slice(0, 12)}` : ''}${outcome.library.revision_now ? `, now at ${outcome.library.revision_now.slice(0, 12)}${outcome.library.dirty_now ? ' (modified)' : ''}` : ''}`, ''];
  for (const m of outcome.metrics) {
    lines.push(`${m.reproduces ? '✔' : '✖'} ${m.id}: ${m.reproduces ? `reproduces exactly (${m.recorded})` : 'does not reproduce'}`);
    for (const reason of m.reasons) lines.push(`    ${reason}`);
  }
  const failed = outcome.metrics.filter((m) => !m.reproduces).length;
  lines.push('', failed === 0 ? `all ${outcome.metrics.length} metrics reproduce exactly` : `${failed} of ${outcome.metrics.length} metrics do not reproduce`);
  return `${lines.join('\n')}\n`;
}
