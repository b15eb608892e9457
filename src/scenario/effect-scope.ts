/**
 * Which scenario parameters a roadmap effect may change during a run (issue 10, point 9), and for the few that
 * cannot, the reason. Every section that describes the organisation, its demand and its platform may change:
 * delivery parameters when the investment completes, platform parameters at the first month boundary at or after
 * completion (src/model/platform/platform-reconfiguration.ts). What stays fixed is what a run is defined by:
 *
 * - top-level fields (horizon, start date, currency): they define the run itself;
 * - names and identities (business units, tenants, clusters, components, cost items, a cluster's region, a
 *   unit's tenant): random streams, bills and data residency are keyed by them from month 0;
 * - `platform.enabled`: the platform is simulated for the whole run or not at all;
 * - whole-run comparisons (the fixed comparison cluster, one dedicated platform per tenant, the single-tier
 *   reference) and the shared-cost allocation rule (applied to the whole run's ledger at the end): they compare or
 *   split the run as a whole, so a value that changes half way would compare half a run with another;
 * - a tier's redundancy: each live model's instances and common-cause failures are scheduled for the architecture
 *   it went live with (tier-reliability.ts); change the tier of new models (tiers.assignment) instead;
 * - the standalone served and tier models (`platform.workloads.servedModels`, `tierModels`): a fixed set of
 *   platform-only models whose ids and go-live times are laid out at month 0; and a job stream's tenant
 *   (`tenant`, `perTenant`: who it bills, and how many copies the stream stands for). A job stream's rate, sizes,
 *   priority and daily swing may change.
 */

/** Sections whose parameters a roadmap effect may change during a run. */
export const EFFECT_SECTIONS: readonly string[] = [
  "organisation",
  "demand",
  "portfolio",
  "lifecycle",
  "governance",
  "finance",
  "platform",
];

const COMPARISON =
  "is a comparison over the whole run (the same jobs and models priced another way), so it cannot change half way; compare two scenarios instead";

/** Rules on the dotted keys (list indexes as `*`): the reason a matching parameter cannot change. */
const FIXED: readonly [RegExp, string][] = [
  [
    /^platform\.enabled$/,
    "the platform is simulated for the whole run or not at all (false = jobs just take their run time); compare two scenarios instead",
  ],
  [
    /^platform\.workloads\.(servedModels|tierModels)(\.|$)/,
    "the standalone served and tier models are a fixed platform-only set laid out at month 0; a roadmap changes the models in production through the demand (demand.*) instead",
  ],
  [
    /^platform\.workloads\.jobStreams\.\*\.(tenant|perTenant)$/,
    "a job stream's tenant is who its jobs bill (and perTenant how many copies the stream stands for), fixed when the run starts",
  ],
  [
    /^platform\.clusters\.\*\.region$/,
    "a cluster's region is where the jobs pinned to it run (data residency) for the whole run",
  ],
  [/^platform\.clusters\.\*\.fixedComparisonNodes$/, `the fixed comparison cluster ${COMPARISON}`],
  [
    /^platform\.chargeback\.(compareDedicated|dedicatedMinNodes|dedicatedMinReplicas)$/,
    `the per-tenant dedicated platform ${COMPARISON}`,
  ],
  [/^platform\.tiers\.reference$/, `the single-tier reference ${COMPARISON}`],
  [
    /^platform\.chargeback\.shared$/,
    "the shared-cost allocation rule is applied once, to the whole run's ledger, at the end of the run",
  ],
  [
    /^platform\.tiers\.catalogue\.\w+\.redundancy$/,
    "a tier's redundancy is the architecture its live models were deployed with (their instances are simulated from go-live); assign new models to another tier (platform.tiers.assignment) instead",
  ],
  [
    /^demand\.businessUnits\.\*\.tenant$/,
    "a unit's tenant is who its projects and spokes bill, fixed when the run starts",
  ],
  [/(^|\.)name$/, "names identify things (random streams, bills, reports) for the whole run"],
];

/**
 * Why the parameter at `keys` (from parameter-path.ts `pathKeys`) cannot change during a run, or undefined when
 * a roadmap effect may change it.
 */
export function effectRefusal(keys: readonly string[]): string | undefined {
  if (!EFFECT_SECTIONS.includes(keys[0]!))
    return `only ${EFFECT_SECTIONS.join(", ")} parameters can change during a run (the top-level fields define the run)`;
  const shape = keys.map((k) => (/^\d+$/.test(k) ? "*" : k)).join(".");
  for (const [pattern, reason] of FIXED) if (pattern.test(shape)) return reason;
  return undefined;
}
