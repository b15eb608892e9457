/**
 * Load-time warnings (issue 10, point 8): a job profile wider than the cluster its jobs run on is narrowed by the
 * cluster (KPI cluster.jobsNarrowed); the loader says so, with file, line, path and value, and still loads.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario } from "../../src/scenario/index.ts";

const WIDE = `extends: [level-3, demand-level-3]
platform:
  clusters: [{ maxNodes: 4 }]
  workloads:
    jobStreams:
      - { ratePerDay: 2, nodes: { dist: uniform, min: 1, max: 6 } }
      - { ratePerDay: 2, nodes: { dist: constant, value: 3 } }
lifecycle:
  training: { nodes: 8 }
`;

describe("a job profile wider than its cluster is a warning", () => {
  it("names file, line, path, value and the cluster's max, and the scenario still loads", () => {
    const result = parseScenario(WIDE, { file: "wide.yaml" });
    if (!result.ok) throw new Error("the scenario is valid");
    expect(result.warnings?.map(({ file, line, path, value }) => ({ file, line, path, value }))).toEqual([
      { file: "wide.yaml", line: 6, path: "platform.workloads.jobStreams[0].nodes", value: 6 },
      { file: "wide.yaml", line: 9, path: "lifecycle.training.nodes", value: 8 },
    ]);
    expect(result.warnings?.[1]?.message).toBe(
      'training jobs ask for 8 nodes but cluster "cluster" has at most 4 (platform.clusters[0].maxNodes): they run narrowed to 4 nodes, so their node-hours and waits are not those of 8-node jobs (counted in the KPI cluster.jobsNarrowed)',
    );
  });

  it("checks the cluster of the units' region; none when the platform is off or the jobs fit", () => {
    const regional = parseScenario(
      `extends: [level-3, demand-level-3]
demand:
  businessUnits: [{ name: eu-bank, region: eu, ratePerMonth: 2 }]
platform:
  clusters: [{ region: default, maxNodes: 50 }, { name: eu-cluster, region: eu, maxNodes: 1 }]
`,
      { file: "regional.yaml" },
    );
    if (!regional.ok) throw new Error(JSON.stringify(regional.issues));
    expect(regional.warnings?.map((w) => w.path)).toEqual(["lifecycle.training.nodes"]);
    expect(regional.warnings?.[0]?.message).toContain(
      'cluster "eu-cluster" has at most 1 (platform.clusters[1].maxNodes)',
    );
    const disabled = parseScenario(WIDE.replace("platform:\n", "platform:\n  enabled: false\n"));
    expect(disabled.ok).toBe(true);
    expect(disabled.ok ? disabled.warnings : "invalid").toBeUndefined();
    const fits = parseScenario(WIDE.replace("maxNodes: 4", "maxNodes: 8"));
    expect(fits.ok ? fits.warnings : "invalid").toBeUndefined();
  });

  it("a platform effect while the platform is off changes nothing, and says so", () => {
    const result = parseScenario(
      `extends: [level-3, demand-level-3]
platform: { enabled: false }
roadmap:
  investments:
    - name: platform first
      startMonth: 3
      effects:
        - { path: platform.serving.mode, value: dedicated }
`,
      { file: "off.yaml" },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.warnings).toMatchObject([
      {
        file: "off.yaml",
        line: 8,
        path: "roadmap.investments[0].effects[0].path",
        value: "platform.serving.mode",
      },
    ]);
    expect(result.warnings?.[0]?.message).toContain("the platform is off (platform.enabled: false)");
  });

  it("no example scenario has a warning", async () => {
    const dir = join(import.meta.dirname, "..", "..", "scenarios");
    for (const file of readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f))) {
      const result = await loadScenario(join(dir, file));
      expect(result.ok ? result.warnings : "invalid", file).toBeUndefined();
    }
  });
});
