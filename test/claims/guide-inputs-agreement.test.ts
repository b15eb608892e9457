/**
 * The model's inputs taken from the guide's claims (src/scenario/guide-inputs.ts) and the guide's claims file
 * (scenarios/claims/guide.yaml) were written apart: every such input must be the subject of a claim marked
 * `status: input`, so the scorecard never reports the model confirming a number it was given.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { GUIDE_INPUTS } from "../../src/scenario/guide-inputs.ts";

interface ClaimEntry {
  id: string;
  status?: string;
  reason?: string;
}

const file = new URL("../../scenarios/claims/guide.yaml", import.meta.url);
const claims = (parse(readFileSync(file, "utf8")) as { claims: ClaimEntry[] }).claims;

/** `a.b[0].c` and `a.b[].c` name the same field of every list item. */
function fieldOf(path: string): string {
  return path.replace(/\[\d*\]/g, "[]");
}

/** Paths named in backticks in the reasons of the input claims. */
const inputClaimPaths = claims
  .filter((c) => c.status === "input")
  .flatMap((c) => [...(c.reason ?? "").matchAll(/`([^`]+)`/g)].map((m) => fieldOf(m[1]!)));

describe("guide inputs and the guide's input claims", () => {
  it("lists some inputs, and the claims file has input claims", () => {
    expect(GUIDE_INPUTS.length).toBeGreaterThan(5);
    expect(inputClaimPaths.length).toBeGreaterThan(5);
  });

  it("every input taken from a guide claim is the subject of a claim marked input", () => {
    const uncovered = GUIDE_INPUTS.map((input) => fieldOf(input.path)).filter(
      (path) => !inputClaimPaths.some((claimed) => claimed === path || claimed.startsWith(`${path}.`)),
    );
    expect(uncovered).toEqual([]);
  });
});
