/**
 * The month book of one replication: every monthly series the parts record, one value per month of the
 * horizon, under the name of the part that owns it. A name has one owner: a second part (or the platform)
 * recording a series under a name already taken is an error, not a silent overwrite or drop.
 */
import { monthOfDay } from "../calendar.ts";
import type { SeriesName } from "../metrics.ts";

/** One monthly series: `values[m]` is month m's value (0 until recorded). */
export class MonthSeries {
  readonly name: string;
  /** The part that records it (for error messages). */
  readonly owner: string;
  readonly values: number[];

  /** A series of `months` zeros. */
  constructor(name: string, owner: string, months: number) {
    this.name = name;
    this.owner = owner;
    this.values = new Array<number>(months).fill(0);
  }

  /** Set month `month`'s value. */
  set(month: number, value: number): void {
    this.values[month] = value;
  }

  /** Count one event on day `day` in its month (days past the horizon are not counted). */
  countAt(day: number): void {
    const month = monthOfDay(day);
    if (month < this.values.length) this.values[month]!++;
  }
}

/** The monthly series of a run, in the order they were declared. */
export class MonthBook {
  readonly horizonMonths: number;
  readonly #series = new Map<string, MonthSeries>();

  /** An empty book for `horizonMonths` months. */
  constructor(horizonMonths: number) {
    this.horizonMonths = horizonMonths;
  }

  /**
   * Declare the series `name` recorded by `owner` and return it.
   * @throws Error when `name` is already declared (by any owner)
   */
  series(owner: string, name: SeriesName): MonthSeries {
    const taken = this.#series.get(name);
    if (taken !== undefined) throw new Error(clash(name, taken.owner, owner));
    const series = new MonthSeries(name, owner, this.horizonMonths);
    this.#series.set(name, series);
    return series;
  }

  /**
   * Record month `month` of an open set of series (e.g. the platform's month close): a name seen for the first
   * time is declared for `owner` (earlier months 0).
   * @throws Error when a name is owned by another part
   */
  recordMonth(owner: string, month: number, values: Readonly<Partial<Record<SeriesName, number>>>): void {
    for (const name of Object.keys(values) as SeriesName[]) {
      let series = this.#series.get(name);
      if (series === undefined) series = this.series(owner, name);
      else if (series.owner !== owner) throw new Error(clash(name, series.owner, owner));
      series.values[month] = values[name]!;
    }
  }

  /** The values of series `name` (undefined when nobody declared it). */
  values(name: string): readonly number[] | undefined {
    return this.#series.get(name)?.values;
  }

  /** Every series by name, in declaration order (the arrays themselves, not copies). */
  toRecord(): Record<string, number[]> {
    const out: Record<string, number[]> = {};
    for (const [name, series] of this.#series) out[name] = series.values;
    return out;
  }
}

function clash(name: string, first: string, second: string): string {
  return `monthly series "${name}" is recorded by both ${first} and ${second}; each series needs one owner`;
}
