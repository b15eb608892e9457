/**
 * Platform presets: the `platform:` part of each maturity level and case study (MODEL.md section 5). A preset
 * sets mechanisms — fixed or autoscaled clusters, dedicated or multi-model serving, how tiers are assigned,
 * tenants — never outcomes; cost, utilisation and savings are what the simulation produces.
 *
 * Sources: the guide's maturity table (level 2 "shared platform infrastructure", level 3 "dedicated platform
 * team", level 4 "auto-scaling infrastructure, multi-tenant architecture", level 5 "real-time optimisation");
 * Pattern 11's cluster configuration (min 2, max 50, low priority, 300 s idle) from level 4; Pattern 12's
 * multi-model serving from level 3; Pattern 6's tiers assigned by criticality from level 3 (one tier for all
 * before); case study 2 (20 brands on one platform) and case study 1 (a bank, two data-residency regions).
 * Cluster sizes at levels 1-3 are our assumptions, stated in docs/platform.md.
 */

/** A platform preset: one line for `scalesim presets` and a partial scenario document. */
export interface PlatformPreset {
  description: string;
  document: object;
}

const fixedCluster = (nodes: number) => ({
  clusters: [{ name: "cluster", minNodes: nodes, maxNodes: nodes, vmPriority: "dedicated" }],
});

const autoscaled = (maxNodes: number) => ({
  clusters: [
    {
      name: "cluster",
      minNodes: 2,
      maxNodes,
      vmPriority: "lowPriority",
      scaler: { scaleUpThreshold: 0.7, scaleDownThreshold: 0.3, idleSecondsBeforeScaledown: 300 },
    },
  ],
});

const oneTier = { tiers: { assignment: { rule: "single", tier: "Silver" } } };
const byCriticality = { tiers: { assignment: { rule: "criticality" } } };

function brands(count: number): object[] {
  const list: object[] = [];
  for (let i = 1; i <= count; i++)
    list.push({ name: `brand-${i}`, region: "default", quotaNodes: 20, weight: 1 });
  return list;
}

/** Platform documents by preset name; merged with the delivery documents in presets/index.ts. */
export const platformPresets: Record<string, PlatformPreset> = {
  "level-1": {
    description: "pilots on a small fixed cluster, one deployment per model, one tier for all",
    document: { platform: { ...fixedCluster(4), serving: { mode: "dedicated" }, ...oneTier } },
  },
  "level-2": {
    description: "shared fixed cluster, one deployment per model, one tier for all",
    document: { platform: { ...fixedCluster(10), serving: { mode: "dedicated" }, ...oneTier } },
  },
  "level-3": {
    description: "larger fixed cluster, multi-model serving, tiers by criticality",
    document: { platform: { ...fixedCluster(20), serving: { mode: "multiModel" }, ...byCriticality } },
  },
  "level-4": {
    description: "autoscaling low-priority cluster (Pattern 11), multi-model serving, tiers by criticality",
    document: { platform: { ...autoscaled(50), serving: { mode: "multiModel" }, ...byCriticality } },
  },
  "level-5": {
    description: "autoscaling up to 100 nodes, multi-model serving with load growth, tiers by criticality",
    document: {
      platform: {
        ...autoscaled(100),
        serving: { mode: "multiModel", growthPerMonth: 0.02 },
        ...byCriticality,
      },
    },
  },
  "financial-services": {
    description: "two data-residency regions (us, eu) with their own clusters; divisions pinned to a region",
    document: {
      platform: {
        clusters: [
          { name: "us-cluster", region: "us", minNodes: 2, maxNodes: 40, vmPriority: "dedicated" },
          { name: "eu-cluster", region: "eu", minNodes: 2, maxNodes: 30, vmPriority: "dedicated" },
        ],
        tenants: [
          { name: "division-1", region: "us" },
          { name: "division-2", region: "us" },
          { name: "division-3", region: "us" },
          { name: "division-4", region: "eu" },
          { name: "division-5", region: "eu" },
        ],
        serving: { mode: "multiModel" },
        ...byCriticality,
      },
    },
  },
  retail: {
    description: "20 brands as tenants of one autoscaled platform, chargeback and the per-brand comparison",
    document: {
      platform: {
        ...autoscaled(60),
        tenants: brands(20),
        serving: { mode: "multiModel" },
        ...byCriticality,
        chargeback: {
          idle: "usage",
          compareDedicated: true,
          dedicatedMinNodes: 2,
          dedicatedMinReplicas: 1,
          fixedCosts: [
            { name: "platform team", costPerMonth: 60_000, method: "even", dedicatedCostPerMonth: 15_000 },
            { name: "model registry", costPerMonth: 1_500, method: "usage", dedicatedCostPerMonth: 1_000 },
            { name: "monitoring", costPerMonth: 3_000, method: "usage", dedicatedCostPerMonth: 1_500 },
          ],
        },
      },
    },
  },
};
