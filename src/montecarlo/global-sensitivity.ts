/**
 * Global sensitivity indices of a sweep from its evaluated points (so a merge of shards recomputes exactly what
 * a single run computes): for sampling "sobol", first- and total-order Sobol' indices (sobol-indices.ts) of
 * each KPI's mean over the Saltelli design; for sampling "morris", the elementary-effect measures
 * (morris-indices.ts) over the sweep's trajectories, rebuilt from its seed (sweep-global-design.ts).
 *
 * The indices are left out while design points are missing (a shard) or a KPI mean is not finite. Each KPI's
 * bootstrap draws from its own stream ("sweep-bootstrap:<kpi>"), so asking for one more KPI does not move the
 * intervals of the others.
 */
import { createStream } from "../../engine/index.ts";
import { morrisIndices } from "./morris-indices.ts";
import { sobolIndices } from "./sobol-indices.ts";
import { sweepMorrisDesign } from "./sweep-global-design.ts";
import type { SweepPoint, SweepSummary } from "./types.ts";

/** The header fields the indices depend on. */
export type GlobalSensitivityHeader = Pick<SweepSummary, "seed" | "sampling" | "parameters" | "design">;

/** Sobol' or Morris indices of every KPI of `points` (sorted by index), or nothing for other samplings. */
export function globalSensitivity(
  header: GlobalSensitivityHeader,
  points: readonly SweepPoint[],
): Pick<SweepSummary, "sobol" | "morris"> {
  const { design, sampling } = header;
  if (design === undefined || (sampling !== "sobol" && sampling !== "morris")) return {};
  const k = header.parameters.length;
  const size = sampling === "sobol" ? design.samples * (k + 2) : design.samples * (k + 1);
  const designPoints = points.filter((p) => p.role === undefined || p.role === "design");
  if (designPoints.length !== size || designPoints.some((p, i) => p.index !== i)) return {};
  const kpis = Object.keys(designPoints[0]?.kpis ?? {});
  const paths = header.parameters.map((parameter) => parameter.path);
  const byKpi = <T>(compute: (outputs: number[], kpi: string) => T[]): Record<string, Record<string, T>> => {
    const out: Record<string, Record<string, T>> = {};
    for (const kpi of kpis) {
      const outputs = designPoints.map((p) => p.kpis[kpi]?.mean);
      if (!outputs.every((v): v is number => typeof v === "number" && Number.isFinite(v))) continue;
      const indices = compute(outputs, kpi);
      out[kpi] = Object.fromEntries(paths.map((path, j) => [path, indices[j]!]));
    }
    return out;
  };
  const source = (kpi: string) => createStream(header.seed, 0, `sweep-bootstrap:${kpi}`);
  if (sampling === "sobol") {
    return { sobol: byKpi((outputs, kpi) => sobolIndices(outputs, k, { source: source(kpi) })) };
  }
  const trajectories = sweepMorrisDesign(design.samples, k, header.seed, design.levels);
  return {
    morris: byKpi((outputs, kpi) => morrisIndices(trajectories, outputs, { source: source(kpi) })),
  };
}
