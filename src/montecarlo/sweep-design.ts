/**
 * The points of a sweep, in a fixed order that every shard agrees on:
 *
 *   1. design points: grid (cartesian product, first parameter slowest), Latin hypercube (latin-hypercube.ts,
 *      seeded by the sweep seed), the Saltelli design for Sobol' indices or Morris trajectories
 *      (sweep-global-design.ts, in design order) or, for sampling "one-at-a-time", none;
 *   2. one-at-a-time points for the tornado (when `tornado` is on, or the sampling is one-at-a-time):
 *      the base point, then each parameter at its low and at its high value with the others at base
 *      (A. Saltelli et al., "Global Sensitivity Analysis: The Primer", Wiley 2008, section 1.2.3).
 *
 * Low and high are the range's min and max, or the smallest and largest listed value (first and last when the
 * values are not numbers). Base is the base scenario's value at the path, or the middle of the range or list
 * when the base scenario does not set it.
 */
import { createStream } from "../../engine/index.ts";
import type { ParameterValue } from "../scenario/parameter-path.ts";
import type { Sweep, SweepParameter } from "../scenario/sweep-schema.ts";
import { latinHypercube } from "./latin-hypercube.ts";
import { sweepMorrisDesign, sweepSaltelliDesign } from "./sweep-global-design.ts";

/** One point to evaluate (without results yet). */
export interface PlannedPoint {
  index: number;
  parameters: Record<string, ParameterValue>;
  role: "design" | "base" | "low" | "high";
  varied?: string;
}

/**
 * Every point of `sweep` with master seed `seed`; `baseValue(path)` is the base scenario's value at a path.
 */
export function planPoints(sweep: Sweep, seed: number, baseValue: (path: string) => unknown): PlannedPoint[] {
  const points: PlannedPoint[] = [];
  const push = (parameters: Record<string, ParameterValue>, role: PlannedPoint["role"], varied?: string) => {
    const point: PlannedPoint = { index: points.length, parameters, role };
    if (varied !== undefined) point.varied = varied;
    points.push(point);
  };
  const { parameters } = sweep;
  if (sweep.sampling === "grid") {
    const levels = parameters.map(gridValues);
    const product = (prefix: ParameterValue[]): void => {
      if (prefix.length === parameters.length) {
        push(assign(parameters, prefix), "design");
        return;
      }
      for (const value of levels[prefix.length]!) product([...prefix, value]);
    };
    product([]);
  } else if (sweep.sampling === "latin-hypercube") {
    const unit = latinHypercube(
      sweep.points!,
      parameters.length,
      createStream(seed, 0, "sweep-latin-hypercube"),
    );
    for (const row of unit) push(unitPoint(parameters, row), "design");
  } else if (sweep.sampling === "sobol") {
    for (const row of sweepSaltelliDesign(sweep.points!, parameters.length, seed)) {
      push(unitPoint(parameters, row), "design");
    }
  } else if (sweep.sampling === "morris") {
    for (const trajectory of sweepMorrisDesign(sweep.trajectories!, parameters.length, seed, sweep.levels)) {
      for (const row of trajectory.points) push(unitPoint(parameters, row), "design");
    }
  }
  if (sweep.tornado || sweep.sampling === "one-at-a-time") {
    const base = parameters.map((p) => baseOf(p, baseValue(p.path)));
    push(assign(parameters, base), "base");
    parameters.forEach((parameter, j) => {
      const [low, high] = extremes(parameter);
      for (const [value, role] of [
        [low, "low"],
        [high, "high"],
      ] as const) {
        const values = [...base];
        values[j] = value;
        push(assign(parameters, values), role, parameter.path);
      }
    });
  }
  return points;
}

/** The values a grid uses for one parameter. */
export function gridValues(parameter: SweepParameter): ParameterValue[] {
  if (parameter.values !== undefined) return parameter.values;
  const { min, max, steps } = parameter.range!;
  const values = Array.from({ length: steps }, (_, i) => min + ((max - min) * i) / (steps - 1));
  return parameter.integer ? [...new Set(values.map(Math.round))] : values;
}

function unitPoint(parameters: SweepParameter[], row: readonly number[]): Record<string, ParameterValue> {
  return assign(
    parameters,
    row.map((u, j) => fromUnit(parameters[j]!, u)),
  );
}

function fromUnit(parameter: SweepParameter, u: number): ParameterValue {
  if (parameter.values !== undefined) {
    // Morris points reach u = 1: the last value, not one past it
    return parameter.values[Math.min(parameter.values.length - 1, Math.floor(u * parameter.values.length))]!;
  }
  const { min, max } = parameter.range!;
  const value = min + u * (max - min);
  // rounding to whole numbers keeps the strata: each integer in [min, max] gets its share of the points
  return parameter.integer ? Math.min(Math.round(max), Math.max(Math.round(min), Math.round(value))) : value;
}

function extremes(parameter: SweepParameter): [ParameterValue, ParameterValue] {
  if (parameter.range !== undefined) {
    const { min, max } = parameter.range;
    return parameter.integer ? [Math.round(min), Math.round(max)] : [min, max];
  }
  const values = parameter.values!;
  if (values.every((v) => typeof v === "number")) {
    return [Math.min(...(values as number[])), Math.max(...(values as number[]))];
  }
  return [values[0]!, values.at(-1)!];
}

function baseOf(parameter: SweepParameter, value: unknown): ParameterValue {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (parameter.range !== undefined) {
    const middle = (parameter.range.min + parameter.range.max) / 2;
    return parameter.integer ? Math.round(middle) : middle;
  }
  const values = parameter.values!;
  return values[Math.floor((values.length - 1) / 2)]!;
}

function assign(parameters: SweepParameter[], values: ParameterValue[]): Record<string, ParameterValue> {
  const out: Record<string, ParameterValue> = {};
  parameters.forEach((parameter, j) => {
    out[parameter.path] = values[j]!;
  });
  return out;
}
