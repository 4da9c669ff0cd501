import { didYouMean } from '../../core/did-you-mean.js';
import { fingerprint } from '../../core/compute/fingerprint.js';
import { analyzeLibrary } from '../../core/library/analyze-metric.js';
import { runCompute } from '../../io/compute/run-compute.js';
import { assertLintClean } from '../../io/library/checked-library.js';
import { loadLibrary } from '../../io/library/load-library.js';
import { describeComputation } from '../../report/explain/describe-computation.js';
import { describeMetric } from '../../report/explain/describe-metric.js';
import { UsageError, type CommandResult } from '../errors.js';
import { splitPairs } from './compute.js';

export interface ExplainOptions {
  readonly lib: string;
  readonly data?: string;
  readonly source: readonly string[];
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
}

export async function explainCommand(metricId: string, options: ExplainOptions): Promise<CommandResult> {
  const loaded = loadLibrary(options.lib);
  const { library } = loaded;
  if (!library.metrics.has(metricId)) {
    throw new UsageError(`there is no metric '${metricId}'${didYouMean(metricId, library.metrics.keys())}; the library has ${[...library.metrics.keys()].join(', ')}`);
  }
  // A refused definition is not explained as if it worked (as compute, compile and catalog refuse it).
  assertLintClean(loaded, options.lib);
  const analysis = analyzeLibrary(library);
  let text = describeMetric(library, analysis.metrics.get(metricId)!, fingerprint(analysis, metricId));
  const wantsData = options.data !== undefined || options.source.length > 0;
  if (wantsData) {
    const outcome = await runCompute({
      library: options.lib,
      data: options.data,
      sources: splitPairs('--source', options.source),
      period: options.period,
      from: options.from,
      to: options.to,
      by: [],
      metrics: [metricId],
      params: new Map(),
      onReject: () => undefined,
    });
    text += describeComputation(outcome.report, outcome.report.metrics[0]!, analysis.metrics.get(metricId)!.parameterRefs);
  }
  return { exitCode: 0, stdout: text };
}
