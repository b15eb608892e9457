/**
 * Scenario inputs whose defaults are claims of the guide (/work/shared/seed/ai-scaling-patterns-guide.md), as
 * data: the schema's descriptions are derived from this list (`describeGuideInput` appends "guide claim: ..."),
 * and a claims check can read it. An input taken from a claim cannot be confirmed by the model: a run that
 * reproduces the claim only shows that the claim was put in (issue 10 point 7).
 *
 * Paths are dotted scenario paths; `[]` stands for every element of an array (`platform.clusters[].x`).
 */

/** One scenario input taken from a claim of the guide. */
export interface GuideInput {
  /** Dotted path of the input in the scenario (`[]` for every array element). */
  path: string;
  /** What the guide claims, quoted or summarised, and how the default is derived from it. */
  claim: string;
  /** Where the guide makes the claim (pattern or case study, and the line of the seed copy). */
  source: string;
}

/** Every scenario input whose default is a claim of the guide. */
export const GUIDE_INPUTS: readonly GuideInput[] = [
  {
    path: "governance.standards.failureReduction",
    claim:
      "success 85% vs 60% before; 0.35 is back-solved so that standards lift the preset's success rate " +
      "towards that step",
    source: "guide case study 1 (line 884)",
  },
  {
    path: "lifecycle.deploymentTemplates.successRate",
    claim: "95% deployment success rate with templates",
    source: "guide Pattern 4 (line 404)",
  },
  {
    path: "lifecycle.deploymentTemplates.manualSuccessRate",
    claim: "70% deployment success rate with manual deployment",
    source: "guide Pattern 4 (line 404)",
  },
  {
    path: "lifecycle.deploymentTemplates.timeSaving",
    claim: "80% time reduction of deployment (hours -> minutes)",
    source: "guide Pattern 4 (line 405)",
  },
  {
    path: "lifecycle.featureStore.maxSaving",
    claim: "70% reduction in feature engineering time",
    source: "guide Pattern 2 (line 273)",
  },
  {
    path: "lifecycle.featureStore.computeSaving",
    claim: "83-95% of feature computation saved (computed once); 0.9 is inside that range",
    source: "guide Pattern 2 (lines 282-285)",
  },
  {
    path: "lifecycle.modelTemplates.adoption",
    claim: "template adoption 85/78/65/70/60/72 % by category",
    source: "guide Pattern 3 (lines 337-342)",
  },
  {
    path: "lifecycle.library.components",
    claim: "component reuse rates 95/80/85/90/75 % (connectors, cleaning, encoding, validation, monitoring)",
    source: "guide Pattern 1 (lines 200-204)",
  },
  {
    path: "organisation.guilds.resolutionReduction",
    claim: "40% faster problem resolution",
    source: "guide Pattern 14 (line 791)",
  },
  {
    path: "platform.clusters[].lowPriorityDiscount",
    claim: "low-priority VMs: 80% cost savings",
    source: "guide Pattern 11 (line 678)",
  },
];

/** The marker every description of a guide input carries. */
export const GUIDE_CLAIM_MARKER = "guide claim:";

/**
 * `description` of the input at `path` with its guide claim appended:
 * `"<description>; guide claim: <claim> (<source>); an input, so the model cannot confirm it"`.
 * @throws RangeError when `path` is not in {@link GUIDE_INPUTS} (a schema naming an unlisted input)
 */
export function describeGuideInput(path: string, description: string): string {
  const input = GUIDE_INPUTS.find((i) => i.path === path);
  if (input === undefined) throw new RangeError(`no guide input at ${JSON.stringify(path)}`);
  return `${description}; ${GUIDE_CLAIM_MARKER} ${input.claim} (${input.source}); an input, so the model cannot confirm it`;
}
