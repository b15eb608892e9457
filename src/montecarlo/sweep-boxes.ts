/**
 * Scenario discovery on a sweep: "where does KPI x stay below y?" answered with PRIM (prim.ts) over the sweep's
 * design points: the points are the numeric parameter values (booleans as 0/1; parameters with text values are
 * left out), a point is of interest when the KPI's mean across its replications is below `below` (or above
 * `above`), and the box is the one PRIM finds at the question's density threshold. Computed from the points only,
 * so a merge of shards gives the same boxes as a single run.
 */
import { parameterNumber } from "./parameter-number.ts";
import { findBox } from "./prim.ts";
import type { SweepBox, SweepPoint } from "./types.ts";

/** A question: one KPI and a bound, with the density the box must reach (default 0.8). */
export type SweepBoxQuestion = Omit<SweepBox, "box">;

/** A question of a sweep file as an unanswered SweepBox (fields in a fixed order: kpi, bound, threshold). */
export function boxQuestion(question: {
  kpi: string;
  below?: number | undefined;
  above?: number | undefined;
  threshold: number;
}): SweepBox {
  return {
    kpi: question.kpi,
    ...(question.below === undefined ? {} : { below: question.below }),
    ...(question.above === undefined ? {} : { above: question.above }),
    threshold: question.threshold,
    box: null,
  };
}

/** The questions answered from `points` (any order), one SweepBox each, in the questions' order. */
export function sweepBoxes(
  questions: readonly SweepBoxQuestion[],
  parameterPaths: readonly string[],
  points: readonly SweepPoint[],
): SweepBox[] {
  const design = points.filter((p) => p.role === undefined || p.role === "design");
  const numeric = parameterPaths.filter(
    (path) => design.length > 0 && design.every((p) => parameterNumber(p.parameters[path]) !== undefined),
  );
  return questions.map((question) => {
    const rows = design.filter((p) => Number.isFinite(p.kpis[question.kpi]?.mean));
    const inside = rows.map((p) => {
      const mean = p.kpis[question.kpi]!.mean;
      return question.below !== undefined ? mean < question.below : mean > question.above!;
    });
    const found =
      numeric.length === 0
        ? undefined
        : findBox(
            rows.map((p) => numeric.map((path) => parameterNumber(p.parameters[path])!)),
            inside,
            { threshold: question.threshold },
          );
    return {
      ...question,
      box:
        found === undefined
          ? null
          : {
              bounds: Object.fromEntries(numeric.map((path, j) => [path, found.bounds[j]!])),
              restricted: found.restricted.map((j) => numeric[j]!),
              coverage: found.coverage,
              density: found.density,
              mass: found.mass,
            },
    };
  });
}
