import { describe, expect, it } from "vitest";
import { IDLE_TENANT, SHARED_TENANT } from "../../src/model/metrics.ts";
import { scenarioSchema } from "../../src/scenario/schema.ts";
import { RESERVED_TENANT_NAMES, tenantNameProblem } from "../../src/scenario/tenant-name.ts";

describe("reserved tenant names", () => {
  it("are exactly the catalogue's idle and shared tenants", () => {
    expect([...RESERVED_TENANT_NAMES.keys()].sort()).toEqual([IDLE_TENANT, SHARED_TENANT].sort());
  });

  it("are refused as platform tenants and business units, with a message saying why", () => {
    expect(tenantNameProblem("shared")).toBe(
      '"shared" is reserved for cost not allocated to a tenant; choose another tenant name',
    );
    expect(tenantNameProblem("shared-cluster")).toBeUndefined();
    const platform = scenarioSchema.safeParse({ platform: { tenants: [{ name: "shared" }] } });
    expect(platform.success).toBe(false);
    const unit = scenarioSchema.safeParse({
      demand: { businessUnits: [{ name: "__idle__", ratePerMonth: 1 }] },
    });
    expect(unit.success).toBe(false);
    expect(JSON.stringify(unit.error?.issues)).toContain("reserved for the chargeback's idle capacity");
  });
});
