/**
 * The roadmap (MODEL.md section 5): investments with a start month, a duration, a cost spread evenly over the
 * duration (one month when the duration is 0) and parameter changes applied when the investment completes.
 * The financial-services case (guide case study 1) is such a list: CoE months 0-3, shared platform 3-6,
 * component library 6-9, spokes and guilds 9-18.
 */
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import { type EffectValue, effectPathProblem } from "../../scenario/effect-validation.ts";
import { setPath } from "../../scenario/parameter-path.ts";
import type { Ledger } from "../ledger.ts";

/** One roadmap investment as parsed from the scenario. */
export type Investment = DeliveryConfig["roadmap"]["investments"][number];

/**
 * Sets the parameter at dotted `path` of `params` to `value` (in place); list items by index
 * (`demand.businessUnits[1].ratePerMonth`), through parameter-path.ts like every other path.
 * @throws RangeError when the path names no number, boolean or text parameter or the value has the wrong type
 */
export function setParameter(params: DeliveryConfig, path: string, value: EffectValue): void {
  const problem = effectPathProblem(params, path, value);
  if (problem !== undefined) throw new RangeError(problem);
  setPath(params as unknown as Record<string, unknown>, path, value);
}

/** Cost of `investment` charged in month `month` (even spread over its duration, at least one month). */
export function investmentCostInMonth(investment: Investment, month: number): number {
  const months = Math.max(1, Math.ceil(investment.durationMonths - 1e-9));
  const start = Math.floor(investment.startMonth + 1e-9);
  return month >= start && month < start + months ? investment.cost / months : 0;
}

/** Post the cost every investment charges in month `month` to `ledger` (category "investment", shared). */
export function postInvestmentCosts(ledger: Ledger, investments: readonly Investment[], month: number): void {
  for (const inv of investments) {
    const cost = investmentCostInMonth(inv, month);
    if (cost > 0)
      ledger.post({
        month,
        category: "investment",
        service: inv.name,
        serviceCategory: "Other",
        tenant: "shared",
        resourceId: `roadmap/${inv.name}`,
        cost,
        quantity: 1,
        unit: "Month",
        pricing: "Committed",
      });
  }
}
