/**
 * FOCUS cost rows CSV: one line per mean cost row of a run, in the columns of the FinOps Open Cost and Usage
 * Specification (FOCUS) 1.2 (https://focus.finops.org/focus-specification/v1-2/; column definitions in
 * github.com/FinOps-Open-Cost-and-Usage-Spec/FOCUS_Spec at tag v1.2, specification/columns/). Every Mandatory
 * column, the Conditional columns whose condition the model meets (sub accounts, resources, usage measurement,
 * more than one pricing category), two Recommended ones, then custom `x_` columns (Column Handling attribute).
 *
 * Mapping (docs/finops.md documents every column):
 *   - one billing account per scenario; billing period = charge period = one simulated month from meta.startDate;
 *   - ChargeCategory "Usage" for metered cost categories (cluster node-hours, serving pod-hours), "Purchase" for
 *     the rest (people, tier fees, fixed platform services, investments); ChargeClass null (no corrections);
 *   - Provider, Publisher and Invoice Issuer: the internal offering that supplies the cost (origination of cost
 *     data, scenario 5.1/5.2 "internal infrastructure or services offerings": internal product name for all three);
 *   - no commitment discounts are modelled, so PricingCategory is never "Committed" and ContractedCost and
 *     EffectiveCost equal BilledCost; ListCost is the on-demand price where the model has one (spot: "Dynamic");
 *   - SubAccountId null for cost no tenant carries (the catalogue's SHARED_TENANT and IDLE_TENANT, present only
 *     when the scenario leaves shared or idle cost unallocated);
 *   - the file is the chargeback view: x_CostView "Transfer price" marks tier fees, which the enterprise view
 *     (cost.total, ROI, NPV) leaves out; the "Enterprise" rows add up to what the enterprise spends.
 *
 * Money: whole cents. Each amount is read as its decimal at 15 significant digits (csv-format.ts exactDecimal);
 * the run total, read at 15 significant digits too, is rounded half to even to whole cents and apportioned down
 * the tree run -> billing period -> sub account -> row by the largest-remainder method (Hamilton): every node gets
 * the floor or the ceiling of its exact amount in cents, the cents left over going to the largest remainders
 * (ties to the earlier row), so every level adds up exactly and no amount moves by a cent or more. ListCost and
 * EffectiveCost are BilledCost plus their difference to it, apportioned the same way, so equal amounts stay
 * equal; ContractedCost is BilledCost (no negotiated rates).
 */
import type { CostCategory } from "../../src/model/ledger.ts";
import { IDLE_TENANT, SHARED_TENANT, TRANSFER_PRICE_CATEGORIES } from "../../src/model/metrics.ts";
import type { CostRow, RunSummary } from "../../src/montecarlo/types.ts";
import {
  type CsvValue,
  csvDecimal,
  decimalUnits,
  type ExactDecimal,
  exactDecimal,
  floorDivide,
  formatDecimal,
  powerOfTen,
  roundHalfEven,
  scaledIntegerText,
  toCsv,
} from "./csv-format.ts";

/** The FOCUS version the export follows. */
export const FOCUS_VERSION = "1.2";

/** Columns of the FOCUS CSV: FOCUS columns first, then the custom `x_` columns (Column Handling attribute). */
export const FOCUS_CSV_HEADER = [
  "BillingAccountId",
  "BillingAccountName",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "ServiceCategory",
  "ServiceSubcategory",
  "ServiceName",
  "ProviderName",
  "PublisherName",
  "InvoiceIssuerName",
  "SubAccountId",
  "SubAccountName",
  "ResourceId",
  "ResourceName",
  "ResourceType",
  "PricingCategory",
  "PricingQuantity",
  "PricingUnit",
  "ConsumedQuantity",
  "ConsumedUnit",
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ContractedCost",
  "BillingCurrency",
  "x_CostCategory",
  "x_Allocation",
  "x_CostView",
  "x_Replications",
] as const;

/** A column of the FOCUS CSV. */
export type FocusCsvColumn = (typeof FOCUS_CSV_HEADER)[number];

/** Fraction digits of quantities (half to even, trailing zeros trimmed): a millionth of a node-hour or FTE-month. */
export const QUANTITY_PLACES = 6;

/** What a cost category of the ledger (src/model/ledger.ts COST_CATEGORIES) means as a FOCUS charge. */
interface ChargeKind {
  chargeCategory: "Usage" | "Purchase";
  chargeFrequency: "Usage-Based" | "Recurring";
  /** Internal offering that provides, publishes and invoices the cost (ProviderName, PublisherName, InvoiceIssuerName). */
  provider: string;
  resourceType: string;
  /** Start of ChargeDescription, followed by the service name. */
  description: string;
}

const PLATFORM = "AI platform";

/** The FOCUS meaning of each cost category of the ledger. */
export const CHARGE_KINDS: Readonly<Record<CostCategory, ChargeKind>> = {
  compute: {
    chargeCategory: "Usage",
    chargeFrequency: "Usage-Based",
    provider: PLATFORM,
    resourceType: "Compute cluster",
    description: "Cluster node-hours",
  },
  serving: {
    chargeCategory: "Usage",
    chargeFrequency: "Usage-Based",
    provider: PLATFORM,
    resourceType: "Model serving",
    description: "Model serving pod-hours",
  },
  tiers: {
    chargeCategory: "Purchase",
    chargeFrequency: "Recurring",
    provider: PLATFORM,
    resourceType: "Service tier",
    description: "Service tier fee per model-month",
  },
  platform: {
    chargeCategory: "Purchase",
    chargeFrequency: "Recurring",
    provider: PLATFORM,
    resourceType: "Shared platform service",
    description: "Shared platform service",
  },
  people: {
    chargeCategory: "Purchase",
    chargeFrequency: "Recurring",
    provider: "AI organisation",
    resourceType: "Team",
    description: "Staff cost",
  },
  investment: {
    chargeCategory: "Purchase",
    chargeFrequency: "Recurring",
    provider: "AI roadmap",
    resourceType: "Roadmap investment",
    description: "Roadmap investment",
  },
};

/** A category the ledger does not define (a custom model): a recurring purchase from an unnamed internal offering. */
const OTHER_KIND: ChargeKind = {
  chargeCategory: "Purchase",
  chargeFrequency: "Recurring",
  provider: "Internal",
  resourceType: "Cost item",
  description: "Cost",
};

/** Tenant labels that are not sub accounts: the catalogue's SHARED_TENANT (unallocated) and IDLE_TENANT. */
const NOT_A_SUB_ACCOUNT: Readonly<Record<string, "Unallocated" | "Idle">> = {
  [SHARED_TENANT]: "Unallocated",
  [IDLE_TENANT]: "Idle",
};

/** ServiceSubcategory by ServiceCategory; any other category gets its "Other (<category>)" subcategory. */
const SUBCATEGORY: Readonly<Record<string, string>> = {
  "AI and Machine Learning": "Machine Learning",
  Compute: "Virtual Machines",
};

/** Time units of the FOCUS Unit Format attribute, singular. */
const TIME_UNITS = ["Year", "Month", "Day", "Hour", "Minute", "Second"] as const;

/**
 * Start of month `month` counted from `startDate` (yyyy-mm-dd), as `yyyy-mm-ddT00:00:00Z`; the day is clamped
 * to the length of the target month (Jan 31 + 1 month = Feb 28/29).
 * @throws RangeError when startDate is not yyyy-mm-dd or month is not a non-negative integer.
 */
export function monthStart(startDate: string, month: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(startDate);
  if (match === null) throw new RangeError(`startDate must be yyyy-mm-dd, got ${startDate}`);
  if (!Number.isInteger(month) || month < 0)
    throw new RangeError(`month must be an integer >= 0, got ${month}`);
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1 + month;
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10)}T00:00:00Z`;
}

/**
 * A unit in the one spelling of the FOCUS Unit Format attribute: every word capitalised, a time unit plural
 * when alone or after a hyphen and singular after a slash ("Month" and "months" -> "Months", "FTE-months" ->
 * "FTE-Months", "node-hours" -> "Node-Hours", "gb/hours" -> "Gb/Hour"); data-size abbreviations and numbers
 * are kept as written.
 */
export function focusUnit(unit: string): string {
  const parts = unit.trim().split(/([-/ ])/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1 || part === "") return part;
      const singular = part.replace(/s$/i, "").toLowerCase();
      const time = TIME_UNITS.find((t) => t.toLowerCase() === singular);
      if (time !== undefined) return parts[i - 1] === "/" ? time : `${time}s`;
      return `${part[0]!.toUpperCase()}${part.slice(1)}`;
    })
    .join("");
}

/** Lower-case slug of a name (letters and digits, runs of anything else as one hyphen): "Real small run" -> "real-small-run". */
export function billingAccountId(scenarioName: string): string {
  const slug = scenarioName
    .normalize("NFKD")
    // combining marks left by NFKD (Ü -> U + diaeresis) are dropped, not turned into hyphens
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug === "" ? "scenario" : slug;
}

/** The FOCUS meaning of a row's cost category. */
function chargeKind(row: CostRow): ChargeKind {
  return Object.hasOwn(CHARGE_KINDS, row.xCostCategory)
    ? CHARGE_KINDS[row.xCostCategory as CostCategory]
    : OTHER_KIND;
}

/**
 * Whole cents of every amount such that the rows of each group, the groups of each parent and the parents add up
 * exactly, by largest remainders level by level (see the file comment). `groupKeys` lists, outermost first, a key
 * function per level below the run (e.g. billing period, then sub account). Amounts are exact decimals.
 * @throws Error if the apportionment invariant fails (a bug, not bad input).
 */
export function apportionCents(
  amounts: readonly ExactDecimal[],
  groupKeys: ReadonlyArray<(index: number) => string>,
): bigint[] {
  const exponent = Math.min(-2, ...amounts.map((a) => a.exponent));
  const units = amounts.map((a) => decimalUnits(a, exponent));
  const perCent = powerOfTen(-2 - exponent);
  const cents = new Array<bigint>(amounts.length).fill(0n);
  const total = units.reduce((a, b) => a + b, 0n);
  const split = (indices: readonly number[], target: bigint, level: number): void => {
    if (level === groupKeys.length) {
      const parts = largestRemainders(
        indices.map((i) => units[i]!),
        target,
        perCent,
      );
      indices.forEach((i, k) => {
        cents[i] = parts[k]!;
      });
      return;
    }
    const groups = new Map<string, number[]>();
    for (const i of indices) {
      const key = groupKeys[level]!(i);
      const members = groups.get(key);
      if (members === undefined) groups.set(key, [i]);
      else members.push(i);
    }
    const members = [...groups.values()];
    const sums = members.map((m) => m.reduce((a, i) => a + units[i]!, 0n));
    const parts = largestRemainders(sums, target, perCent);
    members.forEach((m, k) => {
      split(m, parts[k]!, level + 1);
    });
  };
  if (amounts.length > 0)
    split(
      amounts.map((_, i) => i),
      roundHalfEven(toSignificantDigits(total, DOUBLE_DIGITS), perCent),
      0,
    );
  return cents;
}

/** Significant digits the run total is read at, as every amount is (csv-format.ts exactDecimal, DBL_DIG). */
const DOUBLE_DIGITS = 15;

/**
 * `units` rounded half to even to `digits` significant digits, at the same scale: the sum of thousands of amounts
 * read at 15 digits carries their reading error in its last digits, which must not decide a half-cent tie
 * (a mean of two replications often ends in exactly half a cent).
 */
function toSignificantDigits(units: bigint, digits: number): bigint {
  const length = (units < 0n ? -units : units).toString().length;
  if (length <= digits) return units;
  const step = powerOfTen(length - digits);
  return roundHalfEven(units, step) * step;
}

/**
 * Floor of each exact amount in cents, plus one cent for the largest remainders (ties to the lower index) until the
 * parts add up to `target`, which must lie between the sum of the floors and the sum of the ceilings.
 */
function largestRemainders(units: readonly bigint[], target: bigint, perCent: bigint): bigint[] {
  const parts = units.map((u) => floorDivide(u, perCent));
  const remainders = units.map((u, i) => u - parts[i]! * perCent);
  let left = target - parts.reduce((a, b) => a + b, 0n);
  const order = remainders
    .map((_, i) => i)
    .filter((i) => remainders[i]! > 0n)
    .sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : a - b));
  if (left < 0n || left > BigInt(order.length))
    throw new Error(
      `cents to apportion (${left}) outside 0..${order.length}: apportionCents invariant broken`,
    );
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left--;
  }
  return parts;
}

/** Difference a - b of two exact decimals. */
function subtract(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const exponent = Math.min(a.exponent, b.exponent);
  return { coefficient: decimalUnits(a, exponent) - decimalUnits(b, exponent), exponent };
}

/** Cents of every row's amounts: BilledCost apportioned, the other costs as BilledCost plus their apportioned difference. */
function rowCents(rows: readonly CostRow[]): Record<"billed" | "effective" | "list", bigint[]> {
  const levels = [(i: number) => String(rows[i]!.month), (i: number) => rows[i]!.subAccountId];
  const billed = rows.map((r) => exactDecimal(r.billedCost));
  const billedCents = apportionCents(billed, levels);
  const plus = (field: "effectiveCost" | "listCost"): bigint[] => {
    if (rows.every((r) => r[field] === r.billedCost)) return billedCents;
    const difference = apportionCents(
      rows.map((r, i) => subtract(exactDecimal(r[field]), billed[i]!)),
      levels,
    );
    return billedCents.map((c, i) => c + difference[i]!);
  };
  return { billed: billedCents, effective: plus("effectiveCost"), list: plus("listCost") };
}

/** FOCUS CSV of a run's mean cost rows, in the summary's row order. */
export function buildFocusCsv(summary: RunSummary): string {
  const { startDate, currency, scenarioName } = summary.meta;
  const accountId = billingAccountId(scenarioName);
  const rows = summary.costRows;
  const cents = rowCents(rows);
  const money = (c: bigint) => csvDecimal(scaledIntegerText(c, 2));
  // thousands of rows share a few months and units: compute each once
  const starts = new Map<number, string>();
  const periodStart = (month: number): string => {
    let text = starts.get(month);
    if (text === undefined) starts.set(month, (text = monthStart(startDate, month)));
    return text;
  };
  const units = new Map<string, string>();
  const lines = rows.map((row, i): CsvValue[] => {
    const kind = chargeKind(row);
    const start = periodStart(row.month);
    const end = periodStart(row.month + 1);
    const allocation = Object.hasOwn(NOT_A_SUB_ACCOUNT, row.subAccountId)
      ? NOT_A_SUB_ACCOUNT[row.subAccountId]!
      : "Allocated";
    const subAccount = allocation === "Allocated" ? row.subAccountId : null;
    const quantity = csvDecimal(formatDecimal(row.consumedQuantity, QUANTITY_PLACES, 0));
    let unit = units.get(row.consumedUnit);
    if (unit === undefined) units.set(row.consumedUnit, (unit = focusUnit(row.consumedUnit)));
    const usage = kind.chargeCategory === "Usage";
    const note =
      allocation === "Idle" ? " (idle capacity)" : allocation === "Unallocated" ? " (not allocated)" : "";
    const fields: Record<FocusCsvColumn, CsvValue> = {
      BillingAccountId: accountId,
      BillingAccountName: scenarioName,
      BillingPeriodStart: start,
      BillingPeriodEnd: end,
      ChargePeriodStart: start,
      ChargePeriodEnd: end,
      ChargeCategory: kind.chargeCategory,
      ChargeClass: null,
      ChargeDescription: `${kind.description}: ${row.serviceName}${note}`,
      ChargeFrequency: kind.chargeFrequency,
      ServiceCategory: row.serviceCategory,
      ServiceSubcategory: SUBCATEGORY[row.serviceCategory] ?? `Other (${row.serviceCategory})`,
      ServiceName: row.serviceName,
      ProviderName: kind.provider,
      PublisherName: kind.provider,
      InvoiceIssuerName: kind.provider,
      SubAccountId: subAccount,
      SubAccountName: subAccount,
      ResourceId: row.resourceId === "" ? null : row.resourceId,
      ResourceName: null,
      ResourceType: row.resourceId === "" ? null : kind.resourceType,
      // "Committed" needs a commitment discount, which the model has none of: such a charge is at the agreed rate
      PricingCategory: row.pricingCategory === "Committed" ? "Standard" : row.pricingCategory,
      PricingQuantity: quantity,
      PricingUnit: unit,
      ConsumedQuantity: usage ? quantity : null,
      ConsumedUnit: usage ? unit : null,
      BilledCost: money(cents.billed[i]!),
      EffectiveCost: money(cents.effective[i]!),
      ListCost: money(cents.list[i]!),
      ContractedCost: money(cents.billed[i]!),
      BillingCurrency: currency,
      x_CostCategory: row.xCostCategory,
      x_Allocation: allocation,
      // the enterprise view (what the enterprise spends) leaves transfer prices out; the file is the chargeback view
      x_CostView: TRANSFER_PRICE_CATEGORIES.includes(row.xCostCategory) ? "Transfer price" : "Enterprise",
      x_Replications: summary.replications,
    };
    return FOCUS_CSV_HEADER.map((column) => fields[column]);
  });
  return toCsv(FOCUS_CSV_HEADER, lines);
}
