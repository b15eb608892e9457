/**
 * Claims files are checked like scenarios: every problem as file:line:column with the path and what is allowed,
 * scenario values set by a claim validated by the scenario schema, nothing thrown; the JSON Schema for editors
 * accepts the shipped claims files.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { claimsJsonSchema } from "../../src/claims/claims-json-schema.ts";
import { loadClaims } from "../../src/claims/load-claims.ts";
import { formatIssues } from "../../src/scenario/issues.ts";

const path = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const GUIDE = fileURLToPath(new URL("../../scenarios/claims/guide.yaml", import.meta.url));

describe("loadClaims", () => {
  it("reports every schema problem with file:line:column", async () => {
    const result = await loadClaims(path("bad/errors.yaml"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = formatIssues(result.issues);
    expect(text).toMatch(/errors\.yaml:3:\d+ +claims\[0\]\.id: id must be lowercase letters/);
    expect(text).toMatch(
      /errors\.yaml:\d+:\d+ +claims\[0\]\.expect: give exactly one of atLeast, atMost, between/,
    );
    expect(text).toMatch(/claims\[0\]\.treatment: measure ratio compares a treatment with the baseline/);
    expect(text).toMatch(/claims\[1\]\.reason: a claim with status input needs a reason/);
    expect(text).toMatch(/errors\.yaml:19:\d+ +claims\[2\]\.measure: .*"value".*"reduction", got "average"/);
  });

  it("refuses a duplicate id, naming the first use", async () => {
    const result = await loadClaims(path("bad/duplicate.yaml"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssues(result.issues)).toMatch(
      /duplicate\.yaml:3:\d+ +claims\[1\]\.id: id "same" is already used by claims\[0\]/,
    );
  });

  it("validates values a claim sets with the scenario schema", async () => {
    const result = await loadClaims(path("bad/bad-set.yaml"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssues(result.issues)).toMatch(
      /bad-set\.yaml.*organisation\.hub\.fte: .*claims\[0\] \(bad-set\) baseline: set: .*-3/,
    );
  });

  it("loads the guide's claims: at least 30, each with a section and a status; input claims name a path", async () => {
    const result = await loadClaims(GUIDE);
    if (!result.ok) throw new Error(formatIssues(result.issues));
    const claims = result.claims.claims.map((r) => r.claim);
    expect(claims.length).toBeGreaterThanOrEqual(30);
    for (const claim of claims) expect(claim.section, claim.id).toBeDefined();
    for (const claim of claims.filter((c) => c.status === "input"))
      expect(claim.reason, claim.id).toMatch(/`[a-zA-Z][\w.[\]]*`/);
    const sections = new Set(claims.map((c) => c.section));
    expect([...sections].sort()).toEqual([
      "case-studies",
      "executive-summary",
      "maturity-table",
      "patterns",
      "summary",
    ]);
  });

  it("the JSON Schema accepts the guide's claims and rejects a claim without an id", () => {
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(claimsJsonSchema());
    const guide = parse(readFileSync(GUIDE, "utf8")) as { claims: object[] };
    expect(validate(guide), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ claims: [{ text: "x", source: "y" }] })).toBe(false);
  });
});
