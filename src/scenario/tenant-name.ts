/**
 * Tenant names as a scenario may write them: non-empty, and not a name the model reserves for itself. The
 * chargeback keeps unallocated idle cost under `__idle__` (src/model/platform/chargeback.ts, OpenCost's
 * "__idle__" allocation) and unallocated shared cost under `shared`, so a tenant of either name would silently
 * merge into that bucket.
 */
import { z } from "zod";

/**
 * Names no tenant may have, with what the model uses them for: the chargeback's idle bucket (IDLE_TENANT) and
 * unallocated shared cost (SHARED_TENANT) of src/model/metrics.ts, spelled here as the scenario layer does not
 * import the model (test/scenario/tenant-name.test.ts checks they match).
 */
export const RESERVED_TENANT_NAMES: ReadonlyMap<string, string> = new Map([
  ["__idle__", "the chargeback's idle capacity"],
  ["shared", "cost not allocated to a tenant"],
]);

/** Why `name` cannot be a tenant name, or undefined when it can. */
export function tenantNameProblem(name: string): string | undefined {
  const use = RESERVED_TENANT_NAMES.get(name);
  return use !== undefined ? `"${name}" is reserved for ${use}; choose another tenant name` : undefined;
}

/** Zod schema of a tenant name (non-empty, not reserved). */
export const tenantNameSchema = z
  .string()
  .min(1)
  .superRefine((name, ctx) => {
    const problem = tenantNameProblem(name);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  });
