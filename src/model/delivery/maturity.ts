/**
 * Maturity level derived from the capabilities in place (MODEL.md section 5; guide "Scaling Maturity Model").
 * The guide lists, per level, the capabilities that characterise it; the rule below requires each level's
 * capabilities on top of the previous level's (the mapping is our reading of the guide, docs/model.md):
 *
 * - level 2 (Repeatable): a hub exists, initial standards, and something shared (feature store, deployment
 *   templates or a library at least 20% complete);
 * - level 3 (Defined): spokes, a rich library (>= 60% complete) with model templates, a feature store and
 *   automated deployment (deployment templates);
 * - level 4 (Managed): self-service, automated retraining, portfolio balancing, guilds and a library >= 80%
 *   complete;
 * - level 5 (Optimizing): automated governance and a component marketplace (library >= 95% complete).
 * Platform autoscaling is left to the platform section and does not enter the rule.
 */
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";

/** Maturity level 1-5 of the organisation described by `params` with a library `completeness` in [0, 1]. */
export function maturityLevel(params: DeliveryConfig, completeness: number): number {
  const org = params.organisation;
  const life = params.lifecycle;
  const gov = params.governance;
  const shared = life.featureStore.enabled || life.deploymentTemplates.enabled || completeness >= 0.2;
  if (!(org.hub.fte > 0 && gov.standards.enabled && shared)) return 1;
  const defined =
    org.spokes.count > 0 &&
    completeness >= 0.6 &&
    life.modelTemplates.enabled &&
    life.featureStore.enabled &&
    life.deploymentTemplates.enabled;
  if (!defined) return 2;
  const managed =
    org.selfService.enabled &&
    life.production.retrainAutomated &&
    params.portfolio.balancing.enabled &&
    org.guilds.enabled &&
    completeness >= 0.8;
  if (!managed) return 3;
  if (!(gov.automatedValidationSaving > 0 && completeness >= 0.95)) return 4;
  return 5;
}
