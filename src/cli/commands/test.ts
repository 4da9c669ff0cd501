import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { loadCleanLibrary } from '../../io/compute/run-compute.js';
import { loadFixtures, TESTS_FOLDER } from '../../io/fixtures/load-fixtures.js';
import { runFixture } from '../../io/fixtures/run-fixtures.js';
import { resolveFindings } from '../../io/library/resolve-findings.js';
import type { FixtureOutcome } from '../../report/fixtures/fixture-report.js';
import { FIXTURE_FORMATTERS, summarizeFixtures, type FixtureFormat } from '../../report/fixtures/index.js';
import { VERSION } from '../../version.js';
import { InputError, UsageError, type CommandResult } from '../errors.js';

export interface TestOptions {
  readonly format: string;
  readonly color: boolean;
  readonly passWithNoTests?: boolean;
}

/**
 * Runs a library's fixture tests (tests/*.yaml). Exit 1 when a test fails, 2 when a
 * test cannot run (unknown metric, source, parameter, ...) or a file cannot be read.
 */
export async function testCommand(dir: string, options: TestOptions): Promise<CommandResult> {
  if (!(options.format in FIXTURE_FORMATTERS)) {
    throw new UsageError(`unknown format '${options.format}'; use one of ${Object.keys(FIXTURE_FORMATTERS).join(', ')}`);
  }
  const library = await loadCleanLibrary(dir);
  const fixtures = loadFixtures(library.root);
  if (fixtures.fileCount === 0) {
    if (options.passWithNoTests) return { exitCode: 0, stderr: `rmos: no fixture tests in ${dir}/${TESTS_FOLDER}\n` };
    throw new InputError(`no fixture tests: ${dir}/${TESTS_FOLDER}/ has no .yaml files (see docs/fixture-tests.md; --pass-with-no-tests to accept that)`);
  }
  const context = { libraryDir: dir, analysis: analyzeLibrary(library), fiscalYearStartMonth: library.manifest.fiscalYearStartMonth, files: fixtures.files };
  const results: FixtureOutcome[] = [];
  for (const fixture of fixtures.fixtures) results.push(await runFixture(fixture, context));
  const report = summarizeFixtures(library.manifest.name, results, resolveFindings(fixtures.problems, fixtures.files));
  const text = FIXTURE_FORMATTERS[options.format as FixtureFormat](report, { color: options.color, version: VERSION });
  return { exitCode: report.errors > 0 ? 2 : report.failed > 0 ? 1 : 0, stdout: text };
}
