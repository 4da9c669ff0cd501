import { InputError } from '../../errors.js';
import type { ColumnDef, SourceDef } from '../../core/library/types.js';

/** Header matching ignores case, spaces and punctuation: "Ticket ID" matches ticket_id. */
export function normalizeHeader(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Finds, for each needed column, the field that holds it in this file, through the
 * column's name and aliases. A missing required or needed column is an error naming
 * the headers that were found.
 */
export function matchHeader(path: string, headers: readonly string[], source: SourceDef, needed: readonly ColumnDef[], needs: readonly string[]): number[] {
  const normalized = headers.map(normalizeHeader);
  const find = (column: ColumnDef): number[] => {
    const wanted = new Set([column.name, ...column.aliases].map(normalizeHeader));
    const exact = normalized.flatMap((h, i) => (h === normalizeHeader(column.name) ? [i] : []));
    if (exact.length > 0) return exact;
    return normalized.flatMap((h, i) => (wanted.has(h) ? [i] : []));
  };
  // A bounded list: a header of a million columns must not become a million-column message.
  const SHOWN = 20;
  const shown = headers.slice(0, SHOWN).map((h) => JSON.stringify(h.length > 60 ? `${h.slice(0, 60)}…` : h)).join(', ') + (headers.length > SHOWN ? ` and ${headers.length - SHOWN} more` : '');
  for (const column of source.columns.values()) {
    if (column.required && find(column).length === 0) {
      throw new InputError(`${path}:1: the ${source.id} export has no column '${column.name}'${aliasText(column)}; headers found: ${shown}. Rename the header or add an alias in the source definition.`);
    }
  }
  return needed.map((column, i) => {
    const found = find(column);
    if (found.length === 0) {
      throw new InputError(`${path}:1: no column '${column.name}'${aliasText(column)} (needed as ${needs[i]}); headers found: ${shown}`);
    }
    if (found.length > 1) {
      throw new InputError(`${path}:1: both ${found.map((f) => JSON.stringify(headers[f])).join(' and ')} match the column '${column.name}'; rename one of them`);
    }
    return found[0]!;
  });
}

function aliasText(column: ColumnDef): string {
  return column.aliases.length > 0 ? ` (or ${column.aliases.map((a) => `'${a}'`).join(', ')})` : '';
}
