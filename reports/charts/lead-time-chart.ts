/**
 * Lead time next to time to market (issue 10 point 2): from an idea's arrival, from approval, and the waits
 * inside them (for a slot, for a gate reviewer), so a wait for staffing is not hidden by time to market.
 */
import type { RunSummary } from "../../src/montecarlo/types.ts";
import type { ChartSpec } from "../chart-spec.ts";
import { kpiRangeChart } from "./kpi-range-chart.ts";

/** Lead-time chart; undefined without any of its KPIs. */
export function buildLeadTimeChart(summary: RunSummary): ChartSpec | undefined {
  return kpiRangeChart(summary, {
    id: "lead-time",
    title: "Lead time, time to market and waits",
    guide:
      "Lead time runs from an idea's arrival, time to market from approval (when a slot is taken); the wait " +
      "for staffing (backlog to start) and the wait for a gate reviewer show where the time goes.",
    xTitle: "Days (mean per replication)",
    kpis: [
      { name: "leadTimeDays", label: "Lead time (arrival → production)" },
      { name: "timeToMarketDays", label: "Time to market (approval → production)" },
      { name: "staffingWaitDays", label: "Wait for staffing" },
      { name: "gateWaitDays", label: "Wait for a gate reviewer" },
    ],
  });
}
