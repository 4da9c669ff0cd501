/** How a version moved: which part was raised, or that it stayed or went down. */
export type Bump = 'major' | 'minor' | 'patch' | 'none' | 'lower';
/** The least bump a change needs. */
export type RequiredBump = 'major' | 'minor' | 'none';

const RANK: Record<Bump, number> = { lower: -1, none: 0, patch: 1, minor: 2, major: 3 };

function parts(version: string): [number, number, number] | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : undefined;
}

export function bumpOf(from: string, to: string): Bump {
  const a = parts(from);
  const b = parts(to);
  if (!a || !b) return from === to ? 'none' : 'lower';
  for (let i = 0; i < 3; i++) {
    if (b[i]! > a[i]!) return (['major', 'minor', 'patch'] as const)[i]!;
    if (b[i]! < a[i]!) return 'lower';
  }
  return 'none';
}

/** Whether `bump` is enough for a change that needs `required`. */
export function bumpSatisfies(bump: Bump, required: RequiredBump): boolean {
  return required === 'none' ? bump !== 'lower' : RANK[bump] >= RANK[required];
}

/** The version a bump of `kind` gives from `from`. */
export function nextVersion(from: string, kind: 'major' | 'minor' | 'patch'): string {
  const [major, minor, patch] = parts(from) ?? [0, 0, 0];
  if (kind === 'major') return `${major + 1}.0.0`;
  if (kind === 'minor') return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}

export function strongest(kinds: readonly RequiredBump[]): RequiredBump {
  return kinds.includes('major') ? 'major' : kinds.includes('minor') ? 'minor' : 'none';
}
