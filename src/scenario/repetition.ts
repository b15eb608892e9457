/**
 * The compact forms for repeated platform entries, expanded when a scenario is validated, so the model (and
 * every result) sees exactly the list a person would have written out by hand:
 *
 * ```yaml
 * platform:
 *   tenants: { count: 20, name: "brand-{i}", quotaNodes: 20 }   # brand-1 .. brand-20, each with quota 20
 *   workloads:
 *     jobStreams:
 *       - { perTenant: true, ratePerDay: 4.4 }                    # one such stream for each tenant, in order
 * ```
 *
 * `{i}` in the name is the tenant's number, 1 to count. A `perTenant` stream is replaced, where it stands in the
 * list, by one copy per tenant with `tenant:` set; other streams stay as written. The schema validates the compact
 * form itself (so issues point at the line the user wrote), and a form that repeats nothing is not accepted.
 */

/** Placeholder in a repeated tenant's name for its number (1-based). */
export const TENANT_NUMBER_PLACEHOLDER = "{i}";

/** A tenant as the model reads it. */
export interface ExpandedTenant {
  name: string;
  region: string;
  quotaNodes: number;
  weight: number;
}

/** The compact tenant form after validation (defaults filled). */
export interface RepeatedTenants {
  count: number;
  name: string;
  region: string;
  quotaNodes: number;
  weight: number;
}

/** The name of tenant `number` (1-based) of a repeated form. */
export function repeatedTenantName(pattern: string, number: number): string {
  return pattern.replaceAll(TENANT_NUMBER_PLACEHOLDER, String(number));
}

/** The tenant list: a list as written, or the compact form expanded to `count` tenants numbered from 1. */
export function expandTenants(tenants: readonly ExpandedTenant[] | RepeatedTenants): ExpandedTenant[] {
  if (Array.isArray(tenants)) return [...tenants];
  const { count, name, region, quotaNodes, weight } = tenants as RepeatedTenants;
  return Array.from({ length: count }, (_, i) => ({
    name: repeatedTenantName(name, i + 1),
    region,
    quotaNodes,
    weight,
  }));
}

/** How many streams a list of job streams becomes for `tenantCount` tenants. */
export function expandedStreamCount(
  streams: readonly { perTenant?: boolean | undefined }[],
  tenantCount: number,
): number {
  return streams.reduce((n, s) => n + (s.perTenant === true ? tenantCount : 1), 0);
}

/**
 * Job streams with every `perTenant: true` stream replaced, in place, by one copy per tenant (in tenant order);
 * `perTenant` is dropped from every stream. The `tenant` key comes first, as the schema writes it.
 */
export function expandJobStreams<S extends { tenant?: string | undefined; perTenant?: boolean | undefined }>(
  streams: readonly S[],
  tenantNames: readonly string[],
): Array<Omit<S, "tenant" | "perTenant"> & { tenant: string }> {
  return streams.flatMap((stream) => {
    const { tenant, perTenant, ...rest } = stream;
    if (perTenant !== true) return [{ tenant: tenant ?? "default", ...rest }];
    return tenantNames.map((name) => ({ tenant: name, ...rest }));
  });
}
