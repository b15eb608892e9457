/**
 * Sensitivity measures of a sweep, computed only from its points (so a merge of shards recomputes exactly what
 * a single run computes):
 *
 * - Tornado (one-at-a-time): KPI mean at each parameter's low and high value with the others at base
 *   (A. Saltelli et al., "Global Sensitivity Analysis: The Primer", Wiley 2008, section 1.2.3).
 * - SRC, standardised regression coefficients: regress the standardised KPI means on the standardised
 *   parameters over the design points; SRC_j = b_j (Saltelli et al. 2008, section 1.2.5; meaningful when the
 *   linear fit is good, R^2 near 1).
 * - PRCC, partial rank correlation coefficients: rank-transform parameters and KPI (average ranks for ties),
 *   then correlate the residuals of rank(x_j) and rank(y) each regressed on the other ranks (with intercept)
 *   (S. Marino, I. B. Hogue, C. J. Ray, D. E. Kirschner, "A methodology for performing global uncertainty and
 *   sensitivity analysis in systems biology", J. Theor. Biol. 254, 2008, section 3.3; S. M. Blower and
 *   H. Dowlatabadi, Int. Stat. Rev. 62, 1994).
 *
 * Only numeric parameters (booleans as 0/1) enter SRC and PRCC, and a coefficient is left out when it is not
 * estimable (fewer design points than parameters + 2, a constant column, a singular system).
 */
import { leastSquares } from "./linear-solve.ts";
import { parameterNumber } from "./parameter-number.ts";
import type { SweepPoint, SweepSummary } from "./types.ts";

/** Tornado, SRC and PRCC of `points` for every KPI the points report. */
export function sensitivity(
  points: readonly SweepPoint[],
  parameterPaths: readonly string[],
): Pick<SweepSummary, "tornado" | "src" | "prcc"> {
  const kpis = Object.keys(points[0]?.kpis ?? {});
  const tornado: SweepSummary["tornado"] = {};
  const src: SweepSummary["src"] = {};
  const prcc: SweepSummary["prcc"] = {};
  const base = points.find((p) => p.role === "base");
  const design = points.filter((p) => p.role === undefined || p.role === "design");
  const numeric = parameterPaths.filter(
    (path) => design.length > 0 && design.every((p) => parameterNumber(p.parameters[path]) !== undefined),
  );
  for (const kpi of kpis) {
    if (base !== undefined) {
      const byParameter: Record<string, { low: number; high: number; base: number }> = {};
      for (const path of parameterPaths) {
        const low = points.find((p) => p.role === "low" && p.varied === path);
        const high = points.find((p) => p.role === "high" && p.varied === path);
        if (low === undefined || high === undefined) continue;
        byParameter[path] = { low: meanOf(low, kpi), high: meanOf(high, kpi), base: meanOf(base, kpi) };
      }
      tornado[kpi] = byParameter;
    }
    const rows = design.filter((p) => Number.isFinite(meanOf(p, kpi)));
    if (numeric.length === 0 || rows.length < numeric.length + 2) continue;
    const x = rows.map((p) => numeric.map((path) => parameterNumber(p.parameters[path])!));
    const y = rows.map((p) => meanOf(p, kpi));
    src[kpi] = standardisedRegression(x, y, numeric);
    prcc[kpi] = partialRankCorrelation(x, y, numeric);
  }
  return { tornado, src, prcc };
}

function standardisedRegression(
  x: number[][],
  y: number[],
  names: readonly string[],
): Record<string, number> {
  const columns = names.map((_, j) => standardise(x.map((row) => row[j]!)));
  const ys = standardise(y);
  const out: Record<string, number> = {};
  if (ys === undefined) return out;
  const usable = names.map((_, j) => j).filter((j) => columns[j] !== undefined);
  const design = y.map((_, i) => usable.map((j) => columns[j]![i]!));
  const b = leastSquares(design, ys);
  if (b === undefined) return out;
  usable.forEach((j, position) => {
    out[names[j]!] = b[position]!;
  });
  return out;
}

function partialRankCorrelation(
  x: number[][],
  y: number[],
  names: readonly string[],
): Record<string, number> {
  const rankColumns = names.map((_, j) => ranks(x.map((row) => row[j]!)));
  const rankY = ranks(y);
  const out: Record<string, number> = {};
  names.forEach((name, j) => {
    const others = names.map((_, q) => q).filter((q) => q !== j);
    const design = y.map((_, i) => [1, ...others.map((q) => rankColumns[q]![i]!)]);
    const residualX = residuals(design, rankColumns[j]!);
    const residualY = residuals(design, rankY);
    if (residualX === undefined || residualY === undefined) return;
    const r = correlation(residualX, residualY);
    if (Number.isFinite(r)) out[name] = r;
  });
  return out;
}

function residuals(design: number[][], target: number[]): number[] | undefined {
  const b = leastSquares(design, target);
  if (b === undefined) return undefined;
  return target.map((value, i) => value - design[i]!.reduce((sum, xq, q) => sum + xq * b[q]!, 0));
}

function correlation(a: number[], b: number[]): number {
  const n = a.length;
  const meanA = a.reduce((s, v) => s + v, 0) / n;
  const meanB = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i]! - meanA) * (b[i]! - meanB);
    saa += (a[i]! - meanA) ** 2;
    sbb += (b[i]! - meanB) ** 2;
  }
  // residuals that are zero up to rounding carry no information
  if (saa < 1e-20 || sbb < 1e-20) return Number.NaN;
  return sab / Math.sqrt(saa * sbb);
}

/** Ranks 1..n with ties sharing their average rank. */
export function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Array<number>(values.length).fill(0);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]!] === values[order[i]!]) j++;
    const rank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) out[order[k]!] = rank;
    i = j + 1;
  }
  return out;
}

function standardise(values: number[]): number[] | undefined {
  const n = values.length;
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  // a constant column (up to rounding of its mean) carries no information
  if (!(variance > 1e-20 * mean * mean) || Math.min(...values) === Math.max(...values)) return undefined;
  const sd = Math.sqrt(variance);
  return values.map((v) => (v - mean) / sd);
}

function meanOf(point: SweepPoint, kpi: string): number {
  const mean = point.kpis[kpi]?.mean;
  // a NaN mean comes back as null from JSON (merged shards): treat both alike
  return typeof mean === "number" ? mean : Number.NaN;
}
