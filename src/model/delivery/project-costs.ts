/**
 * People cost rates and the people cost of a project (MODEL.md section 6): a loaded cost per FTE-year by role
 * spread over the 365.25 days of a year, a hub expert hour at the hub's rate over its working hours, and a
 * project's cost as its team's person-days at the team's rate (dedicated teams and double-down extras at the
 * dedicated rate) plus the hub expert hours it used.
 */
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { DAYS_PER_WEEK, DAYS_PER_YEAR } from "../calendar.ts";
import type { Project } from "./project.ts";

/** A role whose FTE are paid by the day. */
export type PaidRole = "hub" | "spoke" | "pilot";

/** Cost of one FTE-day of `role`. */
export function costPerFteDay(params: DeliveryConfig, role: PaidRole): number {
  return params.finance.loadedCostPerFteYear[role] / DAYS_PER_YEAR;
}

/** Cost of one hour of hub expert time. */
export function hubCostPerHour(params: DeliveryConfig): number {
  const perYear = params.finance.loadedCostPerFteYear.hub;
  return perYear / ((params.organisation.support.hoursPerFteWeek * DAYS_PER_YEAR) / DAYS_PER_WEEK);
}

/** People cost of `project` up to `untilDay` (its end if earlier). */
export function peopleCost(project: Project, untilDay: number, params: DeliveryConfig): number {
  let personDays = project.personDays;
  const live = project.status === "active" || project.status === "forming";
  if (live && untilDay > project.fteSince) personDays += project.fte * (untilDay - project.fteSince);
  const role = project.staffing === "spoke" ? "spoke" : "pilot";
  return personDays * costPerFteDay(params, role) + project.supportHours * hubCostPerHour(params);
}

/** People cost sunk in `project` by its end day. */
export function sunkCost(project: Project, params: DeliveryConfig): number {
  return peopleCost(project, project.endDay, params);
}
