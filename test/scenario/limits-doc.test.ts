import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_IDEAS_PER_MONTH, MIN_REVIEW_MONTHS } from "../../src/scenario/delivery-schema.ts";
import { COUNT_LIMIT, PARAMETER_LIMIT } from "../../src/scenario/distribution-schema.ts";
import {
  MAX_EXTENDS_LOADS,
  MAX_REPLICATIONS,
  MAX_SCENARIO_FILE_BYTES,
  MAX_SUMMARY_FILE_BYTES,
  MAX_SWEEP_DESIGN_POINTS,
  MAX_SWEEP_PARAMETER_VALUES,
  MAX_SWEEP_POINTS,
  MAX_SWEEP_REPLICATIONS,
} from "../../src/scenario/limits.ts";
import { MAX_JOBS_PER_DAY } from "../../src/scenario/platform-schema.ts";
import { DEFAULT_MAX_WORK_UNITS } from "../../src/scenario/work-estimate.ts";

const doc = readFileSync(new URL("../../docs/reliability.md", import.meta.url), "utf8");

describe("docs/reliability.md states the limits the code enforces", () => {
  it.each([
    ["file size cap", `${MAX_SCENARIO_FILE_BYTES} bytes (1 MiB)`],
    ["summary size cap", `${MAX_SUMMARY_FILE_BYTES} bytes (256 MiB)`],
    ["extends load cap", `${MAX_EXTENDS_LOADS} distinct files`],
    ["count bound", `to ${COUNT_LIMIT}`],
    ["amount bound", `at most ${PARAMETER_LIMIT.toExponential().replace("e+", "e")}`],
    ["idea rate", `at most ${MAX_IDEAS_PER_MONTH} ideas per month`],
    ["job rate", `at most ${MAX_JOBS_PER_DAY} jobs per day`],
    ["review step", `at least ${MIN_REVIEW_MONTHS} months`],
    ["work limit", `${DEFAULT_MAX_WORK_UNITS.toExponential().replace("e+", "e")} units per replication`],
    ["replications", `1 to ${MAX_REPLICATIONS}`],
    ["values per parameter", `| ${MAX_SWEEP_PARAMETER_VALUES} `],
    ["Latin hypercube points", `| ${MAX_SWEEP_DESIGN_POINTS} `],
    ["sweep points", `| ${MAX_SWEEP_POINTS}, computed`],
    ["sweep replications", `| ${MAX_SWEEP_REPLICATIONS} `],
  ])("%s", (_what, text) => {
    expect(doc).toContain(text);
  });
});
