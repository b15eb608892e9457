/**
 * The guide's verdicts as a documentation page (docs/claims-verdicts.md) and the JSON it is rendered from
 * (docs/claims-verdicts.json): a stamp (command, seed, replications, date, version, run time), the scorecard of the
 * tested claims as a markdown table, the holds-only-if boxes as sentences, the inputs and the claims the model does
 * not represent with their reasons, and the counts per verdict. Pure: the record is plain data, the page a function
 * of it, so a test can check that the committed page is the rendering of the committed record.
 */
import type { ClaimBand, ClaimResult, ClaimsSummary, Verdict } from "../../src/claims/types.ts";
import { VERDICTS } from "../../src/claims/types.ts";
import { bandText, estimateText, measureText, VERDICT_WORDS } from "./claim-format.ts";

/** How the verdicts were made: enough to rerun them. */
export interface VerdictsStamp {
  /** The command that made them, as typed. */
  command: string;
  /** The same run as a `scalesim claims` command line, with every setting written out. */
  equivalent: string;
  seed: number;
  /** First batch of replications per claim. */
  replications: number;
  /** Replication budget per claim of sequential sampling. */
  maxReplications: number;
  /** Holds-only-if design: Latin hypercube points, replications per point, PRIM density threshold. */
  points: number;
  pointReplications: number;
  threshold: number;
  /** ISO date (YYYY-MM-DD, UTC) of the run. */
  date: string;
  version: string;
  /** Wall-clock time of the run. */
  elapsedMs: number;
  /** Worker threads (the results do not depend on them; the time does). */
  workers: number;
}

/** One claim's verdict as recorded in docs/claims-verdicts.json. */
export interface RecordedClaim {
  id: string;
  text: string;
  source: string;
  section?: string;
  status: ClaimResult["status"];
  reason?: string;
  verdict: Verdict;
  metric?: string;
  month?: number;
  measure: ClaimResult["measure"];
  label?: string;
  unit?: string;
  band?: ClaimBand;
  estimate?: number;
  ci?: [number, number];
  replications: number;
  budget?: number;
  /** The holds-only-if search in words, with its box's coverage and density when one was found. */
  region?: { text: string; coverage?: number; density?: number };
}

/** docs/claims-verdicts.json. */
export interface VerdictsRecord {
  stamp: VerdictsStamp;
  /** The claims file. */
  file: string;
  counts: Record<Verdict, number>;
  claims: RecordedClaim[];
}

/** The record of a claims run: the summary without per-replication values and design samples. */
export function verdictsRecord(summary: ClaimsSummary, stamp: VerdictsStamp): VerdictsRecord {
  return {
    stamp,
    file: summary.file,
    counts: summary.counts,
    claims: summary.claims.map((claim) => {
      const out: RecordedClaim = {
        id: claim.id,
        text: claim.text,
        source: claim.source,
        status: claim.status,
        verdict: claim.verdict,
        measure: claim.measure,
        replications: claim.replications,
      };
      if (claim.section !== undefined) out.section = claim.section;
      if (claim.reason !== undefined) out.reason = claim.reason;
      if (claim.metric !== undefined) out.metric = claim.metric;
      if (claim.month !== undefined) out.month = claim.month;
      if (claim.label !== undefined) out.label = claim.label;
      if (claim.unit !== undefined) out.unit = claim.unit;
      if (claim.band !== undefined) out.band = claim.band;
      if (claim.estimate !== undefined) out.estimate = claim.estimate;
      if (claim.ci !== undefined) out.ci = claim.ci;
      if (claim.budget !== undefined) out.budget = claim.budget;
      if (claim.discovery !== undefined) {
        out.region = { text: claim.discovery.text };
        if (claim.discovery.coverage !== undefined) out.region.coverage = claim.discovery.coverage;
        if (claim.discovery.density !== undefined) out.region.density = claim.discovery.density;
      }
      return out;
    }),
  };
}

/** A table cell: pipes escaped, line breaks folded (GitHub-flavoured markdown tables). */
function cell(text: string): string {
  return text
    .replaceAll("\\", "\\\\")
    .replaceAll("|", "\\|")
    .replace(/\s*\n\s*/g, " ");
}

function duration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function percent(share: number): string {
  return `${Math.round(100 * share)}%`;
}

/** The counts per verdict in words: `12 holds, 3 holds only if, ...` (verdicts with none left out). */
export function countsText(counts: Readonly<Record<Verdict, number>>): string {
  return VERDICTS.filter((v) => counts[v] > 0)
    .map((v) => `${counts[v]} ${VERDICT_WORDS[v]}`)
    .join(", ");
}

const TESTED: ReadonlySet<Verdict> = new Set(["holds", "holds-only-if", "undecided", "fails"]);

/** docs/claims-verdicts.md, rendered from the record (ends with a newline). */
export function renderVerdictsMarkdown(record: VerdictsRecord): string {
  const { stamp } = record;
  const { claims } = record;
  const total = record.claims.length;
  const lines = [
    "# The guide's claims: verdicts",
    "",
    "<!-- Generated by scripts/claims-verdicts.ts from docs/claims-verdicts.json; do not edit by hand:",
    "     run `npm run claims:verdicts` after changing scenarios/claims/guide.yaml or the model. -->",
    "",
    `Generated by \`${stamp.command}\`, that is \`${stamp.equivalent}\`: seed ${stamp.seed}, a first batch of ` +
      `${stamp.replications} replications per claim, up to ${stamp.maxReplications} for a claim still undecided, ` +
      `holds-only-if on ${stamp.points} points x ${stamp.pointReplications} replications (PRIM density ` +
      `${percent(stamp.threshold)}); ${stamp.date}, scalesim ${stamp.version}, ${duration(stamp.elapsedMs)} on ` +
      `${stamp.workers} worker threads.`,
    "",
    `**${total} claims** of \`${record.file}\`: ${countsText(record.counts)}.`,
    "",
    "A claim **holds** when the 95% confidence interval of the measured quantity lies inside the claimed band, " +
      "**fails** when it lies entirely outside, and stays **undecided** when it straddles a bound after the " +
      "replication budget; comparisons are paired on common random numbers. **Input**: the claimed figure is one " +
      "of the model's inputs, so the model cannot confirm it. **Not modelled**: the model has no mechanism for it.",
    "",
    "## Tested claims",
    "",
    "| Claim | Text | Source | Measured | Claimed | Estimate [95% CI] | Verdict | Replications |",
    "| --- | --- | --- | --- | --- | ---: | --- | ---: |",
  ];
  for (const claim of claims.filter((c) => TESTED.has(c.verdict))) {
    lines.push(
      `| \`${claim.id}\` | ${cell(claim.text)} | ${cell(claim.source)} | ${cell(measureText(claim))} | ` +
        `${cell(bandText(claim.band, claim.unit))} | ${cell(estimateText(claim))} | ` +
        `${VERDICT_WORDS[claim.verdict]} | ${claim.replications} |`,
    );
  }
  const searched = record.claims.filter((c) => c.region !== undefined);
  if (searched.length > 0) {
    lines.push("", "## Holds only if", "");
    lines.push(
      "Claims with uncertain conditions that fail or stay undecided at the scenario's values: the conditions are " +
        "sampled (Latin hypercube) and PRIM looks for the region where the claim holds.",
      "",
    );
    for (const claim of searched) {
      const { text, coverage, density } = claim.region!;
      const stats =
        coverage === undefined || density === undefined
          ? ""
          : ` (coverage ${percent(coverage)}, density ${percent(density)})`;
      lines.push(`- \`${claim.id}\`: ${text}${stats}.`);
    }
  }
  for (const status of ["input", "not-modelled"] as const) {
    const listed = claims.filter((c) => c.verdict === status);
    if (listed.length === 0) continue;
    lines.push(
      "",
      status === "input"
        ? "## Inputs: the model cannot confirm these"
        : "## Not modelled: outside what the model represents",
      "",
    );
    for (const claim of listed) {
      const shown = claim.estimate === undefined ? "" : ` Simulated: ${estimateText(claim)}.`;
      lines.push(
        `- \`${claim.id}\` · ${claim.source}: "${claim.text}". ${sentence(claim.reason ?? "")}${shown}`,
      );
    }
  }
  lines.push("");
  return lines.join("\n");
}

/** `text` as a sentence: capitalised, one closing full stop. */
function sentence(text: string): string {
  const trimmed = text.trim().replace(/\.$/, "");
  return trimmed.length === 0 ? "" : `${trimmed[0]!.toUpperCase()}${trimmed.slice(1)}.`;
}
