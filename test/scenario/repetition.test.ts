/**
 * The compact forms for repetition (src/scenario/repetition.ts): `tenants: { count, name: "brand-{i}", ... }` and
 * job streams with `perTenant: true` expand at load to exactly the lists written by hand, keep their place in
 * the list, and bad input is reported at file:line:column inside the compact form the user wrote.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssues, parseScenario, pointScenario } from "../../src/scenario/index.ts";
import { MAX_REPEATED_TENANTS } from "../../src/scenario/limits.ts";

const LONGHAND = new URL("./fixtures/guide-claims-longhand.yaml", import.meta.url);
const COMPACT = new URL("../../scenarios/guide-claims.yaml", import.meta.url);

function load(text: string, file = "x.yaml") {
  return parseScenario(text, { file });
}

function issuesOf(text: string): string {
  const result = load(text);
  if (result.ok) throw new Error("expected issues");
  return formatIssues(result.issues);
}

describe("compact forms expand to the lists written by hand", () => {
  it("guide-claims.yaml in the compact form loads to exactly the scenario of its 20 + 20 entries", () => {
    const longhand = load(readFileSync(LONGHAND, "utf8"), "longhand.yaml");
    const compact = load(readFileSync(COMPACT, "utf8"), "guide-claims.yaml");
    if (!longhand.ok || !compact.ok) throw new Error("both must load");
    expect(JSON.stringify(compact.scenario)).toBe(JSON.stringify(longhand.scenario));
    expect(compact.scenario.platform.tenants).toHaveLength(20);
    expect(compact.scenario.platform.workloads.jobStreams.map((s) => s.tenant)).toEqual(
      Array.from({ length: 20 }, (_, i) => `brand-${i + 1}`),
    );
  });

  it("numbers tenants from 1, fills the tenant defaults, and puts perTenant copies where the stream stood", () => {
    const result = load(
      [
        "platform:",
        "  tenants: { count: 3, name: 'team-{i}-eu', weight: 2 }",
        "  workloads:",
        "    jobStreams:",
        "      - { tenant: team-2-eu, ratePerDay: 1 }",
        "      - { perTenant: true, ratePerDay: 5, kind: retraining }",
        "      - { ratePerDay: 7 }",
        "",
      ].join("\n"),
    );
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.scenario.platform.tenants).toEqual([
      { name: "team-1-eu", region: "default", quotaNodes: 0, weight: 2 },
      { name: "team-2-eu", region: "default", quotaNodes: 0, weight: 2 },
      { name: "team-3-eu", region: "default", quotaNodes: 0, weight: 2 },
    ]);
    const streams = result.scenario.platform.workloads.jobStreams;
    expect(streams.map((s) => [s.tenant, s.ratePerDay, s.kind])).toEqual([
      ["team-2-eu", 1, "training"],
      ["team-1-eu", 5, "retraining"],
      ["team-2-eu", 5, "retraining"],
      ["team-3-eu", 5, "retraining"],
      ["default", 7, "training"],
    ]);
    expect(Object.keys(streams[1]!)).toEqual(Object.keys(streams[0]!));
    expect(streams.some((s) => "perTenant" in s)).toBe(false);
  });

  it("perTenant streams repeat over a tenant list written out too", () => {
    const result = load(
      "platform:\n  tenants: [{ name: a }, { name: b }]\n  workloads:\n    jobStreams: [{ perTenant: true }]\n",
    );
    if (!result.ok) throw new Error(formatIssues(result.issues));
    expect(result.scenario.platform.workloads.jobStreams.map((s) => s.tenant)).toEqual(["a", "b"]);
  });

  it("a child's compact form merges key by key with its parent's (extends)", () => {
    const result = parseScenario(
      "extends: ./compact-parent.yaml\nplatform:\n  tenants: { quotaNodes: 30 }\n",
      {
        file: "child.yaml",
        baseDir: new URL("./fixtures/", import.meta.url).pathname,
      },
    );
    if (result.ok) {
      expect(result.scenario.platform.tenants.map((t) => [t.name, t.quotaNodes])).toEqual([
        ["brand-1", 30],
        ["brand-2", 30],
      ]);
    } else {
      throw new Error(formatIssues(result.issues));
    }
  });

  it("a sweep point of an expanded scenario validates to the same scenario (expansion is idempotent)", () => {
    const compact = load(readFileSync(COMPACT, "utf8"));
    if (!compact.ok) throw new Error("must load");
    const point = pointScenario(compact.scenario, { "platform.tenants[3].quotaNodes": 5 }, "point 0");
    if (!point.ok) throw new Error(formatIssues(point.issues));
    expect(point.scenario.platform.tenants[3]!.quotaNodes).toBe(5);
    expect(point.scenario.platform.tenants).toHaveLength(20);
    const same = pointScenario(compact.scenario, {}, "point 1");
    const { extends: _extends, ...written } = compact.scenario;
    expect(same.ok && JSON.stringify(same.scenario)).toBe(JSON.stringify(written));
  });
});

describe("bad compact forms are reported where they were written", () => {
  it("a field of the compact tenant form: its own line and column", () => {
    expect(issuesOf("platform:\n  tenants:\n    count: 3\n    name: brand-{i}\n    quotaNodes: -2\n")).toBe(
      [
        "x.yaml:5:17  platform.tenants.quotaNodes: expected a number >= 0, got -2",
        "  hint: max concurrent nodes of the tenant's jobs (0 = no quota)",
      ].join("\n"),
    );
  });

  it("a name without {i} for several tenants, an unknown key with a did-you-mean", () => {
    expect(issuesOf("platform:\n  tenants: { count: 3, name: brand }\n")).toBe(
      'x.yaml:2:30  platform.tenants.name: with count 3 the name must contain {i} (the tenant\'s number), e.g. "brand-{i}"',
    );
    expect(issuesOf("platform:\n  tenants: { count: 3, nam: 'b-{i}' }\n")).toBe(
      'x.yaml:2:24  platform.tenants.nam: unknown key "nam"\n  hint: did you mean "name"?',
    );
  });

  it("a region without a cluster is reported once, at the compact form's region", () => {
    expect(issuesOf("platform:\n  tenants: { count: 20, name: 'b-{i}', region: mars }\n")).toBe(
      'x.yaml:2:48  platform.tenants.region: no cluster in region "mars" (clusters: default)',
    );
  });

  it("a count beyond the limit, a reserved name", () => {
    expect(
      issuesOf(`platform:\n  tenants: { count: ${MAX_REPEATED_TENANTS + 1}, name: 'b-{i}' }\n`),
    ).toContain(`x.yaml:2:21  platform.tenants.count: expected a number <= ${MAX_REPEATED_TENANTS}`);
    expect(issuesOf("platform:\n  tenants: { count: 1, name: __idle__ }\n")).toContain(
      "x.yaml:2:30  platform.tenants.name:",
    );
  });

  it("perTenant with a tenant, and perTenant without tenants", () => {
    expect(
      issuesOf(
        "platform:\n  tenants: { count: 2, name: 'b-{i}' }\n  workloads:\n    jobStreams:\n      - { perTenant: true, tenant: b-1 }\n",
      ),
    ).toBe(
      "x.yaml:5:36  platform.workloads.jobStreams[0].tenant: give either tenant or perTenant: true, not both (perTenant sets the tenant of each copy)",
    );
    expect(issuesOf("platform:\n  workloads:\n    jobStreams:\n      - perTenant: true\n")).toBe(
      "x.yaml:4:20  platform.workloads.jobStreams[0].perTenant: perTenant repeats the stream for every tenant, but platform.tenants lists none",
    );
  });
});
