/**
 * docs/claims-verdicts.md is generated (scripts/claims-verdicts.ts): the committed page must be the rendering of the
 * committed JSON, and the JSON's claims must be those of scenarios/claims/guide.yaml as it is now, so a claim edited
 * without `npm run claims:verdicts` fails here instead of drifting in the documentation. Both checks read files only.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  renderVerdictsMarkdown,
  type VerdictsRecord,
  verdictsRecord,
} from "../../reports/claims/claims-verdicts.ts";
import { loadClaims } from "../../src/claims/load-claims.ts";
import type { ClaimsSummary } from "../../src/claims/types.ts";
import { claimBand } from "../../src/claims/verdict.ts";
import { formatIssues } from "../../src/scenario/issues.ts";

const at = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const record = JSON.parse(readFileSync(at("docs/claims-verdicts.json"), "utf8")) as VerdictsRecord;

describe("docs/claims-verdicts.md", () => {
  it("is the rendering of docs/claims-verdicts.json, byte for byte", () => {
    expect(renderVerdictsMarkdown(record)).toBe(readFileSync(at("docs/claims-verdicts.md"), "utf8"));
  });

  it("records the claims of scenarios/claims/guide.yaml as they are now (ids, texts, sources, bands, statuses)", async () => {
    const loaded = await loadClaims(at("scenarios/claims/guide.yaml"));
    if (!loaded.ok) throw new Error(formatIssues(loaded.issues));
    const now = loaded.claims.claims.map(({ claim }) => ({
      id: claim.id,
      text: claim.text,
      source: claim.source,
      status: claim.status,
      band:
        claim.expect === undefined || claim.status === "not-modelled" ? undefined : claimBand(claim.expect),
    }));
    const recorded = record.claims.map(({ id, text, source, status, band }) => ({
      id,
      text,
      source,
      status,
      band,
    }));
    expect(recorded).toEqual(now);
  });

  it("stamps the settings the run used and counts every claim once", () => {
    const { stamp } = record;
    expect(stamp.command).toBe("npm run claims:verdicts");
    expect(stamp.equivalent).toBe(`scalesim claims scenarios/claims/guide.yaml --seed ${stamp.seed}`);
    expect(stamp.seed).toBe(20260101);
    expect(stamp.replications).toBe(20);
    expect(Object.values(record.counts).reduce((a, b) => a + b, 0)).toBe(record.claims.length);
  });
});

describe("renderVerdictsMarkdown", () => {
  const summary: ClaimsSummary = {
    tool: { name: "scalesim", version: "9.9.9" },
    name: "t",
    file: "t.yaml",
    seed: 1,
    replications: 4,
    elapsedMs: 61_000,
    counts: { holds: 1, "holds-only-if": 0, undecided: 0, fails: 0, input: 1, "not-modelled": 1 },
    claims: [
      {
        id: "a",
        text: "cost | 75% less",
        source: "Pattern 11",
        status: "test",
        verdict: "holds",
        measure: "reduction",
        label: "Cluster cost",
        unit: "ratio",
        band: { low: 0.75 },
        estimate: 0.8,
        ci: [0.78, 0.82],
        replications: 4,
        scenarios: {},
      },
      {
        id: "b",
        text: "input claim",
        source: "Pattern 1",
        status: "input",
        reason: "the rate is the input `x.y`.",
        verdict: "input",
        measure: "value",
        replications: 0,
        scenarios: {},
      },
      {
        id: "c",
        text: "not modelled",
        source: "Summary",
        status: "not-modelled",
        reason: "no mechanism",
        verdict: "not-modelled",
        measure: "value",
        replications: 0,
        scenarios: {},
      },
    ],
  };
  const markdown = renderVerdictsMarkdown(
    verdictsRecord(summary, {
      command: "cmd",
      equivalent: "scalesim claims t.yaml --seed 1",
      seed: 1,
      replications: 4,
      maxReplications: 16,
      points: 8,
      pointReplications: 2,
      threshold: 0.8,
      date: "2026-01-01",
      version: "9.9.9",
      elapsedMs: 61_000,
      workers: 2,
    }),
  );

  it("writes the stamp, the table with escaped pipes, the lists with their reasons and the counts", () => {
    expect(markdown).toContain("`cmd`, that is `scalesim claims t.yaml --seed 1`: seed 1");
    expect(markdown).toContain("2026-01-01, scalesim 9.9.9, 1 min 1 s on 2 worker threads");
    expect(markdown).toContain(
      "| `a` | cost \\| 75% less | Pattern 11 | reduction of Cluster cost | >= 75% | 80% [78%, 82%] | holds | 4 |",
    );
    expect(markdown).toContain('- `b` · Pattern 1: "input claim". The rate is the input `x.y`.\n');
    expect(markdown).toContain('- `c` · Summary: "not modelled". No mechanism.\n');
    expect(markdown).toContain("**3 claims** of `t.yaml`: 1 holds, 1 input, 1 not modelled.");
    expect(markdown).not.toContain("## Holds only if");
  });
});
