/**
 * Delivery-target variants of the report fixtures (not a test file): the fixtures' reach curves with the targets
 * compareScenarios/runScenario would attach (read off the curves by the real firstMonthAtLeast), and literal paired
 * reach differences.
 */
import { firstMonthAtLeast } from "../../src/montecarlo/reach-counter.ts";
import type { CompareSummary, ReachSummary, RunSummary } from "../../src/montecarlo/types.ts";
import { makeCompareSummary } from "../fixtures/reports/compare-summary.ts";
import { makeRunSummary } from "../fixtures/run-summary.ts";

/** The reach of `summary` with its targets, as the user's targets when `source` says so. */
export function withReachTargets(
  summary: RunSummary,
  source: ReachSummary["thresholdSource"] = "targets",
): RunSummary {
  const { thresholds, probability } = summary.reach;
  return {
    ...summary,
    reach: {
      ...summary.reach,
      thresholdSource: source!,
      targets: thresholds.map((threshold, t) => ({
        threshold,
        monthP50: firstMonthAtLeast(probability[t]!, 0.5),
        monthP80: firstMonthAtLeast(probability[t]!, 0.8),
        probabilityByEnd: probability[t]!.at(-1)!,
      })),
    },
  };
}

/** The run fixture with its targets (10, 25, 50, 75 projects). */
export function runWithTargets(): RunSummary {
  return withReachTargets(makeRunSummary());
}

/** The comparison fixture with targets on both scenarios and paired reach differences for 10 and 25 projects. */
export function compareWithTargets(): CompareSummary {
  const summary = makeCompareSummary(["coe-first", "platform-first"]);
  const [base, alt] = summary.scenarios as [RunSummary, RunSummary];
  summary.scenarios = [withReachTargets(base), withReachTargets(alt)];
  summary.reachDifferences = [10, 25].map((threshold, i) => ({
    series: "deliveredCumulative",
    threshold,
    baseline: "coe-first",
    alternative: "platform-first",
    n: 200,
    nBoth: 200 - i,
    onlyBaseline: 0,
    onlyAlternative: i,
    meanDifferenceMonths: -2.5 - i,
    ciLow: -3.1 - i,
    ciHigh: -1.9 - i,
    probabilitySooner: 0.9 + i / 20,
  }));
  return summary;
}
