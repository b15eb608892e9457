/**
 * Warnings about a valid scenario: things that run, but not as written, so the user should know before reading
 * the results. A roadmap effect on the platform of a scenario whose platform is switched off (it changes
 * nothing); and (issue 10, point 8) a job profile wider than the cluster its jobs run on. The cluster
 * narrows such jobs to its max nodes (compute-cluster.ts; counted in the KPI `cluster.jobsNarrowed`), so their
 * node-hours and waits are not those of the width written. Checked: the training and retraining jobs of the
 * delivery model (on the clusters of the units' regions, as the platform routes them) and the standalone job
 * streams (on their tenant's cluster; a stream's width is checked at its largest possible draw when its
 * distribution is bounded).
 */
import type { DocPath } from "./merge.ts";
import { jobWiderThanCluster, platformEffectWhileOff } from "./messages.ts";
import type { Scenario } from "./schema.ts";

/** A warning as data: the path of the value it is about, the value and the message (placed by the loader). */
export interface ScenarioWarning {
  path: DocPath;
  value: unknown;
  message: string;
}

type Cluster = Scenario["platform"]["clusters"][number];
type Distribution = Scenario["platform"]["workloads"]["jobStreams"][number]["nodes"];

/** The largest value a distribution can draw, or undefined when it is unbounded. */
function upperBound(d: Distribution): number | undefined {
  switch (d.dist) {
    case "constant":
      return d.value;
    case "uniform":
    case "triangular":
    case "pert":
      return d.max;
    case "empirical":
      return Math.max(...d.data);
    case "beta":
      return 1;
    default:
      return undefined;
  }
}

/** The cluster jobs of `region` run on (the default region's when the region has none), as the platform routes. */
function clusterOf(clusters: readonly Cluster[], region: string): { cluster: Cluster; index: number } {
  const index = Math.max(
    0,
    clusters.findIndex((c) => c.region === region),
  );
  return { cluster: clusters[index]!, index };
}

/** Roadmap effects on the platform of a scenario whose platform is off: they change nothing. */
function idlePlatformEffects(scenario: Scenario): ScenarioWarning[] {
  const warnings: ScenarioWarning[] = [];
  scenario.roadmap.investments.forEach((investment, i) => {
    investment.effects.forEach((effect, j) => {
      if (effect.path.startsWith("platform."))
        warnings.push({
          path: ["roadmap", "investments", i, "effects", j, "path"],
          value: effect.path,
          message: platformEffectWhileOff(effect.path),
        });
    });
  });
  return warnings;
}

/** Every warning of `scenario` (parsed, defaults filled in); `document` is the merged document as written. */
export function scenarioWarnings(scenario: Scenario, document: Record<string, unknown>): ScenarioWarning[] {
  const platform = scenario.platform;
  if (!platform.enabled) return idlePlatformEffects(scenario);
  const clusters = platform.clusters;
  const tenantRegion = new Map(platform.tenants.map((t) => [t.name, t.region]));
  const defaultRegion = clusters[0]!.region;
  const warnings: ScenarioWarning[] = [];
  const check = (path: DocPath, nodes: number, jobs: string, target: { cluster: Cluster; index: number }) => {
    const width = Math.ceil(nodes - 1e-9);
    const { cluster, index } = target;
    if (width > cluster.maxNodes)
      warnings.push({
        path,
        value: nodes,
        message: jobWiderThanCluster(
          jobs,
          width,
          cluster.name,
          `platform.clusters[${index}].maxNodes`,
          cluster.maxNodes,
        ),
      });
  };
  // delivery jobs run on the cluster of their unit's region, else of their tenant's region
  const units = scenario.demand.businessUnits;
  const reached = new Map<number, { cluster: Cluster; index: number }>();
  for (const u of units) {
    const region =
      u.region !== "" ? u.region : (tenantRegion.get(u.tenant !== "" ? u.tenant : u.name) ?? defaultRegion);
    const target = clusterOf(clusters, region);
    reached.set(target.index, target);
  }
  if (units.some((u) => u.ratePerMonth > 0) || scenario.demand.initialProjects > 0)
    for (const target of reached.values()) {
      check(["lifecycle", "training", "nodes"], scenario.lifecycle.training.nodes, "training jobs", target);
      check(
        ["lifecycle", "production", "retrainNodes"],
        scenario.lifecycle.production.retrainNodes,
        "retraining jobs",
        target,
      );
    }
  // standalone streams as written (a perTenant stream stands for one copy per tenant, in the parsed list)
  const written = (document.platform as { workloads?: { jobStreams?: unknown } } | undefined)?.workloads
    ?.jobStreams;
  if (Array.isArray(written)) {
    let parsedIndex = 0;
    written.forEach((raw, i) => {
      const copies =
        raw !== null && typeof raw === "object" && (raw as { perTenant?: unknown }).perTenant === true
          ? platform.tenants.length
          : 1;
      for (let k = 0; k < copies; k++) {
        const stream = platform.workloads.jobStreams[parsedIndex + k];
        if (stream === undefined || !(stream.ratePerDay > 0)) continue;
        const upper = upperBound(stream.nodes);
        if (upper === undefined) continue;
        const target = clusterOf(clusters, tenantRegion.get(stream.tenant) ?? defaultRegion);
        const before = warnings.length;
        check(
          ["platform", "workloads", "jobStreams", i, "nodes"],
          upper,
          `the jobs of job stream ${i}`,
          target,
        );
        if (warnings.length > before) break;
      }
      parsedIndex += copies;
    });
  }
  return warnings;
}
