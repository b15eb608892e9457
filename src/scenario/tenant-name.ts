/**
 * Tenant names as a scenario may write them: non-empty, and not a name the model reserves for itself. The
 * chargeback keeps unallocated idle cost under `__idle__` (src/model/platform/chargeback.ts, OpenCost's
 * "__idle__" allocation), so a tenant of that name would silently merge into the idle bucket.
 */
import { z } from "zod";

/** Names no tenant may have (the chargeback's idle bucket). */
export const RESERVED_TENANT_NAMES: ReadonlySet<string> = new Set(["__idle__"]);

/** Why `name` cannot be a tenant name, or undefined when it can. */
export function tenantNameProblem(name: string): string | undefined {
  return RESERVED_TENANT_NAMES.has(name)
    ? `"${name}" is reserved for the chargeback's idle capacity; choose another tenant name`
    : undefined;
}

/** Zod schema of a tenant name (non-empty, not reserved). */
export const tenantNameSchema = z
  .string()
  .min(1)
  .superRefine((name, ctx) => {
    const problem = tenantNameProblem(name);
    if (problem !== undefined) ctx.addIssue({ code: "custom", message: problem });
  });
