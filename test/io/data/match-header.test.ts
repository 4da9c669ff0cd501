import { describe, expect, it } from 'vitest';
import type { ColumnDef, SourceDef } from '../../../src/core/library/types.js';
import { matchHeader, normalizeHeader } from '../../../src/io/data/match-header.js';
import { loadLibrary } from '../../../src/io/library/load-library.js';
import { STANDARD } from '../../core/compute/tiny-compute.js';

const library = loadLibrary(STANDARD).library;
const source = (id: string): SourceDef => library.sources.get(id)!;
const columns = (s: SourceDef, names: readonly string[]): ColumnDef[] => names.map((n) => s.columns.get(n)!);

describe('normalizeHeader', () => {
  it('ignores case, spaces and punctuation', () => {
    expect(normalizeHeader('Ticket ID')).toBe('ticketid');
    expect(normalizeHeader('  NPS_Score ')).toBe('npsscore');
    expect(normalizeHeader('Customer-Region (ISO)')).toBe('customerregioniso');
    expect(normalizeHeader('ＮＰＳ')).toBe('nps'); // full-width letters fold (NFKC)
  });
});

describe('matchHeader', () => {
  const cases = source('support_cases');
  const needed = columns(cases, ['case_id', 'solved_at', 'status', 'contacts', 'reopens', 'is_spam']);
  const needs = needed.map((c) => `used by fcr (${c.name})`);

  it("maps the help desk's own headers through aliases: Ticket ID → case_id, Agent Contacts → contacts, Spam → is_spam", () => {
    const headers = ['Ticket ID', 'Created At', 'Solved At', 'Channel', 'Region', 'Status', 'Agent Contacts', 'Reopens', 'Spam'];
    expect(matchHeader('cases.csv', headers, cases, needed, needs)).toEqual([0, 2, 5, 6, 7, 8]);
  });

  it('prefers the column name itself over an alias: "id" and "case_id" both present → case_id', () => {
    const headers = ['id', 'CASE_ID', 'solved', 'status', 'contacts', 'reopens', 'is spam'];
    expect(matchHeader('cases.csv', headers, cases, needed, needs)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('refuses two headers that both match one column by alias, naming both', () => {
    const headers = ['Ticket', 'Case Number', 'solved_at', 'status', 'contacts', 'reopens', 'is_spam'];
    expect(() => matchHeader('cases.csv', headers, cases, needed, needs)).toThrow(`cases.csv:1: both "Ticket" and "Case Number" match the column 'case_id'; rename one of them`);
  });

  it('a missing required column names it, its aliases and the headers found', () => {
    const headers = ['case_id', 'solved_at', 'contacts'];
    expect(() => matchHeader('cases.csv', headers, cases, needed, needs)).toThrow(
      `cases.csv:1: the support_cases export has no column 'status' (or 'ticket status', 'case status'); headers found: "case_id", "solved_at", "contacts". Rename the header or add an alias in the source definition.`,
    );
  });

  it('a missing optional column that a metric needs says what needs it', () => {
    const headers = ['case_id', 'solved_at', 'status', 'contacts', 'is_spam'];
    expect(() => matchHeader('cases.csv', headers, cases, needed, needs)).toThrow(
      `cases.csv:1: no column 'reopens' (or 'reopened', 'reopen count') (needed as used by fcr (reopens)); headers found: "case_id", "solved_at", "status", "contacts", "is_spam"`,
    );
  });
});
