/**
 * Technical success of a project (MODEL.md section 3): the failure probability of its risk profile, reduced by
 * standards and by an adopted model template; a latent failure (drawn at arrival as `successDraw`) shows when
 * the project's reveal phase ends.
 */
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { CATEGORIES, type Project, RISKS } from "./project.ts";

/** Probability of technical success of `project` under the standards and templates in place now. */
export function successProbability(
  project: Project,
  params: DeliveryConfig,
  adoptedTemplate: boolean,
): number {
  const d = params.demand.successProbability;
  let failure = 1 - d[RISKS[project.risk]!];
  const gov = params.governance;
  if (gov.standards.enabled) failure *= 1 - gov.standards.failureReduction;
  if (adoptedTemplate) failure *= 1 - params.lifecycle.modelTemplates.failureReduction;
  return 1 - failure;
}

/**
 * Whether `project` turns out to fail technically (evaluated when its reveal phase ends): a project revealed
 * before model development counts the template it would adopt there.
 */
export function latentFailure(project: Project, params: DeliveryConfig): boolean {
  const mt = params.lifecycle.modelTemplates;
  const adopted =
    project.adoptedTemplate ||
    (mt.enabled &&
      project.revealPhase < 2 &&
      project.templateDraw < mt.adoption[CATEGORIES[project.category]!]);
  return project.successDraw >= successProbability(project, params, adopted);
}
