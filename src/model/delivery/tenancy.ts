/**
 * Who pays for a project and where its data may go (MODEL.md sections 2 and 6): each business unit belongs to a
 * tenant (its own name when the scenario gives none) and a data-residency region; spokes are embedded in
 * business units round-robin (spoke i belongs to unit i mod units). Jobs a project submits carry its tenant
 * and region.
 */
import type { DeliveryConfig } from "../../scenario/delivery-schema.ts";
import type { JobKind, JobRequest } from "../platform/port.ts";
import type { Project } from "./project.ts";

/** Business units, their tenants and regions. */
export class Tenancy {
  /** Business-unit names, by unit index. */
  readonly unitNames: readonly string[];
  /** Tenant names, in order of first appearance among the units. */
  readonly tenantNames: readonly string[];
  readonly #unitTenant: number[];
  #unitRegion: string[];

  /** The tenancy of the scenario's business units. */
  constructor(params: DeliveryConfig) {
    const units = params.demand.businessUnits;
    const tenants: string[] = [];
    this.unitNames = units.map((u) => u.name);
    this.#unitTenant = units.map((u) => {
      const tenant = u.tenant === "" ? u.name : u.tenant;
      let i = tenants.indexOf(tenant);
      if (i < 0) i = tenants.push(tenant) - 1;
      return i;
    });
    this.tenantNames = tenants;
    this.#unitRegion = units.map((u) => u.region);
  }

  /** Re-read the units' regions (a roadmap effect moved a unit's jobs; tenants stay as they were). */
  refresh(params: DeliveryConfig): void {
    this.#unitRegion = params.demand.businessUnits.map((u) => u.region);
  }

  /** Tenant index of `project`. */
  tenantOf(project: Project): number {
    return this.#unitTenant[project.unit]!;
  }

  /** Tenant name of `project`. */
  tenantName(project: Project): string {
    return this.tenantNames[this.#unitTenant[project.unit]!]!;
  }

  /** Tenant index of spoke `spoke` (spoke i belongs to unit i mod units). */
  spokeTenant(spoke: number): number {
    return this.#unitTenant[spoke % this.#unitTenant.length]!;
  }

  /** A job of `project` billed to its tenant, pinned to its unit's region when it has one. */
  job(
    project: Project,
    kind: JobKind,
    nodes: number,
    runHours: number,
    priority: number,
    label: string,
  ): JobRequest {
    const job: JobRequest = { kind, tenant: this.tenantName(project), nodes, runHours, priority, label };
    const region = this.#unitRegion[project.unit]!;
    if (region !== "") job.region = region;
    return job;
  }
}
