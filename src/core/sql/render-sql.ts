import type { SqlProgram } from './compile-sql.js';

/** The program as one statement: every CTE with a comment saying what it does, then the final query. */
export function renderSql(program: SqlProgram, finalSelect: string, header: readonly string[] = []): string {
  const lines = header.map((h) => `-- ${h}`);
  const ctes = program.ctes.map((cte) => `-- ${cte.comment}\n${cte.name} AS (\n  ${cte.sql}\n)`);
  lines.push(`WITH\n${ctes.join(',\n')}\n${finalSelect};`);
  return `${lines.join('\n')}\n`;
}
