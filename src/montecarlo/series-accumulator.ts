/**
 * Streaming summary of one monthly series across replications: the statistics of scalar-accumulator.ts for
 * every month (Welford mean and sd, Student t CI, exact or t-digest quantiles).
 */

import { DEFAULT_EXACT_LIMIT, ScalarAccumulator } from "./scalar-accumulator.ts";
import type { MetricInfo, SeriesSummary } from "./types.ts";

/** Accumulates one series: month m of every replication goes to the accumulator of month m. */
export class SeriesAccumulator {
  readonly #months: ScalarAccumulator[] = [];
  readonly #exactLimit: number;
  #replications = 0;

  /** @param exactLimit values kept exactly per month, default {@link DEFAULT_EXACT_LIMIT}. */
  constructor(exactLimit: number = DEFAULT_EXACT_LIMIT) {
    this.#exactLimit = exactLimit;
  }

  /** Number of replications added. */
  get replications(): number {
    return this.#replications;
  }

  /** Accumulator of month `m` (undefined beyond the longest series seen). */
  month(m: number): ScalarAccumulator | undefined {
    return this.#months[m];
  }

  /** Number of months (the longest series seen). */
  get length(): number {
    return this.#months.length;
  }

  /** Adds one replication's series (index 0 = month 0); a shorter series leaves later months unobserved. */
  add(values: ArrayLike<number>): void {
    this.#replications++;
    while (this.#months.length < values.length) this.#months.push(new ScalarAccumulator(this.#exactLimit));
    for (let m = 0; m < values.length; m++) this.#months[m]!.add(values[m]!);
  }

  /** The summary, labelled with `info`; `n` is the number of replications that reported the series. */
  summary(name: string, info: MetricInfo): SeriesSummary {
    const months = this.#months.map((acc) => acc.stats());
    const pick = (key: Exclude<keyof (typeof months)[number], "method">): number[] =>
      months.map((s) => s[key]);
    return {
      name,
      ...info,
      months: months.length,
      n: this.#replications,
      mean: pick("mean"),
      sd: pick("sd"),
      ciLow: pick("ciLow"),
      ciHigh: pick("ciHigh"),
      min: pick("min"),
      max: pick("max"),
      p5: pick("p5"),
      p10: pick("p10"),
      p25: pick("p25"),
      p50: pick("p50"),
      p75: pick("p75"),
      p90: pick("p90"),
      p95: pick("p95"),
    };
  }
}
