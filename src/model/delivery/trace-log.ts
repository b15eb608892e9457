/**
 * The trace of one replication (for `--replay`): lines stamped with the simulation day, kept only when asked.
 */
import type { Environment } from "../../../engine/index.ts";
import type { TraceLog } from "./ports.ts";

/** Trace lines `"<day> <text>"`, day with two decimals; writes are dropped unless `on`. */
export class DayTrace implements TraceLog {
  readonly on: boolean;
  readonly lines: string[] = [];
  readonly #env: Environment;

  /** A trace on `env`'s clock; keeps lines only when `on`. */
  constructor(env: Environment, on: boolean) {
    this.#env = env;
    this.on = on;
  }

  /** Keep `line` stamped with the current day (ignored when the trace is off). */
  write(line: string): void {
    if (this.on) this.lines.push(`${this.#env.now.toFixed(2)} ${line}`);
  }
}
