import type { MetricStatus } from '../../core/compute/result-types.js';

/** Words for every status: colour on the page always comes with one of these. */
export const STATUS_LABELS: Readonly<Record<MetricStatus, string>> = {
  on_track: 'On track',
  at_risk: 'At risk',
  off_track: 'Off track',
  no_target: 'No target',
  no_data: 'No data',
  insufficient_sample: 'Insufficient sample',
};

/** The colour family of a status; anything that is not a judgement is grey. */
export function statusTone(status: MetricStatus): 'good' | 'warn' | 'bad' | 'neutral' {
  switch (status) {
    case 'on_track':
      return 'good';
    case 'at_risk':
      return 'warn';
    case 'off_track':
      return 'bad';
    default:
      return 'neutral';
  }
}

export type DeltaVerdict = 'favourable' | 'unfavourable' | 'unchanged' | 'unknown';

/** Whether a change is good news, by the metric's direction. */
export function judgeDelta(delta: number | null, direction: 'higher' | 'lower'): DeltaVerdict {
  if (delta === null) return 'unknown';
  if (delta === 0) return 'unchanged';
  return (delta > 0) === (direction === 'higher') ? 'favourable' : 'unfavourable';
}

export const VERDICT_LABELS: Readonly<Record<DeltaVerdict, string>> = {
  favourable: 'favourable',
  unfavourable: 'unfavourable',
  unchanged: 'no change',
  unknown: 'no comparison value',
};
