/**
 * The lifecycle phases of a delivery project, in order (MODEL.md section 3): the one list the scenario schema
 * (phase names in gates, library components) and the model (phase indexes, effort per phase, project records)
 * both use.
 */

/** Lifecycle phase names, in the order a project goes through them. */
export const PHASES = ["data", "features", "modelDev", "validation", "deployment"] as const;

/** One lifecycle phase name. */
export type PhaseName = (typeof PHASES)[number];
