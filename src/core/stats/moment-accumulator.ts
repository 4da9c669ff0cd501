/**
 * Running count, mean and variance in one pass (Welford), mergeable across
 * chunks or groups (Chan et al.'s parallel update). Summing x and x² instead
 * would cancel catastrophically for values like timestamps or large revenue.
 */
export class MomentAccumulator {
  #n = 0;
  #mean = 0;
  #sumSquaredDeviations = 0;

  add(x: number): void {
    if (!Number.isFinite(x)) throw new RangeError(`cannot accumulate a non-finite value (${x})`);
    this.#n++;
    const delta = x - this.#mean;
    this.#mean += delta / this.#n;
    this.#sumSquaredDeviations += delta * (x - this.#mean);
  }

  merge(other: MomentAccumulator): void {
    if (other.#n === 0) return;
    if (this.#n === 0) {
      this.#n = other.#n;
      this.#mean = other.#mean;
      this.#sumSquaredDeviations = other.#sumSquaredDeviations;
      return;
    }
    const n = this.#n + other.#n;
    const delta = other.#mean - this.#mean;
    this.#sumSquaredDeviations += other.#sumSquaredDeviations + (delta * delta * this.#n * other.#n) / n;
    this.#mean += (delta * other.#n) / n;
    this.#n = n;
  }

  get n(): number {
    return this.#n;
  }

  /** NaN when empty. */
  get mean(): number {
    return this.#n === 0 ? Number.NaN : this.#mean;
  }

  /** Sample variance (divisor n − 1); NaN when n < 2. */
  get variance(): number {
    return this.#n < 2 ? Number.NaN : this.#sumSquaredDeviations / (this.#n - 1);
  }

  /** Sample standard deviation (divisor n − 1); NaN when n < 2. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }
}
