/**
 * Input limits that keep every command finite: how large a file may be, how many files an `extends:` chain may
 * load, how large a sweep may be. Values are chosen far above any real scenario (the largest example is a few
 * kB and extends two files) and far below what exhausts memory; docs/reliability.md lists them.
 * Per-field bounds (counts, rates, sizes, steps) live with the fields in the schemas; the work a scenario implies
 * is bounded by work-estimate.ts.
 */

/** Largest scenario or sweep file read, in bytes (1 MiB). */
export const MAX_SCENARIO_FILE_BYTES = 1024 * 1024;

/** Largest summary.json read by `report` and `merge`, in bytes (256 MiB). */
export const MAX_SUMMARY_FILE_BYTES = 256 * 1024 * 1024;

/** Most files (the scenario and every file it extends, each counted once) one load reads. */
export const MAX_EXTENDS_LOADS = 64;

/** Most values of one swept parameter (`values:` entries or `range.steps`). */
export const MAX_SWEEP_PARAMETER_VALUES = 1000;

/** Most Latin hypercube points. */
export const MAX_SWEEP_DESIGN_POINTS = 10_000;

/** Most points of a whole sweep (design points plus the one-at-a-time points of the tornado). */
export const MAX_SWEEP_POINTS = 10_000;

/** Most parameters of a Sobol' sweep (the Saltelli design uses 2k dimensions of a 40-dimension Sobol' sequence). */
export const MAX_SOBOL_PARAMETERS = 20;

/** Most replications of one run, or of one sweep point (`-n`, `replications:`). */
export const MAX_REPLICATIONS = 1_000_000;

/** Most replications of a whole sweep (points times replications per point). */
export const MAX_SWEEP_REPLICATIONS = 10_000_000;

/** Most tenants the compact form `tenants: { count: n, ... }` may write. */
export const MAX_REPEATED_TENANTS = 10_000;

/** Most job streams after `perTenant: true` streams are repeated for every tenant. */
export const MAX_EXPANDED_JOB_STREAMS = 100_000;
