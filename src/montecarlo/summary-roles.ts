/**
 * Which of a model's metrics play a part in Monte Carlo summaries: the cumulative series of the reach S-curve,
 * the KPIs precision stopping waits for, the KPI of the common-random-numbers check. The shared code names none
 * of them; the default model declares them next to its metric catalogue (src/model/metrics.ts, SUMMARY_ROLES),
 * and run options override each one.
 */
import { SUMMARY_ROLES } from "../model/metrics.ts";

/** Metric roles in summaries. */
export interface SummaryRoles {
  /** Cumulative series whose reach S-curve is reported. */
  reachSeries: string;
  /** KPIs precision stopping waits for when `untilCi.kpis` is not given (those of them the model reports). */
  precisionKpis: readonly string[];
  /** KPI of the CRN evidence when `crnCheck` names none. */
  crnKpi: string;
}

/** The roles the default model declares. */
export function defaultSummaryRoles(): SummaryRoles {
  return SUMMARY_ROLES;
}
