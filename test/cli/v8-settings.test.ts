import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { V8_FLAGS } from "../../src/cli/v8-settings.ts";

/**
 * Runs, in a fresh process (V8 flags are process-wide), an allocation site whose objects all survive scavenges,
 * then a burst of 20 000 more objects from the same site, and says in which generation the burst landed: V8's
 * allocation-site pretenuring moves such a site to the old generation, which scalesim's settings turn off. Plain
 * JavaScript in plain node (no tsx loader: V8's decision to pretenure a site depends on how its code was loaded and
 * tiered, and in plain node this pattern is pretenured every time), with the flags set at run time as bin.ts does.
 */
function burstGeneration(flags: readonly string[]): { young: number; old: number } {
  const script = `
    import v8 from "node:v8";
    for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);
    const used = (name) => v8.getHeapSpaceStatistics().find((s) => s.space_name === name).space_used_size;
    function make(i) { return { a: i, b: i + 1, c: null, d: null }; }
    const keep = [];
    for (let i = 0; i < 1_000_000; i++) keep.push(make(i));
    const burst = new Array(20_000);
    const young = used("new_space"), old = used("old_space");
    for (let i = 0; i < burst.length; i++) burst[i] = make(i);
    console.log(JSON.stringify({ young: used("new_space") - young, old: used("old_space") - old, kept: keep.length }));
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 30_000,
  });
  return JSON.parse(out) as { young: number; old: number };
}

/**
 * Runs, in a fresh process with `flags` set at run time, an allocation loop that keeps a third of its objects
 * (so that scavenges have work to share), with V8's GC trace on, and returns the scavenges' times on V8's helper
 * threads (`background.scavenge.parallel` of --trace-gc-nvp, ms) and how many scavenges there were.
 */
function backgroundScavenging(flags: readonly string[]): { scavenges: number; backgroundMs: number } {
  const script = `
    import v8 from "node:v8";
    for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);
    v8.setFlagsFromString("--trace-gc-nvp");
    const keep = [];
    for (let i = 0; i < 2_000_000; i++) { const o = { a: i, b: [i] }; if (i % 3 === 0) keep.push(o); }
    console.error(keep.length);
  `;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    encoding: "utf8",
    timeout: 30_000,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const times = [...out.matchAll(/gc=s .*?background\.scavenge\.parallel=([0-9.]+)/g)].map((m) =>
    Number(m[1]),
  );
  return { scavenges: times.length, backgroundMs: times.reduce((sum, t) => sum + t, 0) };
}

describe("V8 settings of a scalesim process", () => {
  it("scavenge on the allocating thread only (no parallel scavenging on helper threads)", () => {
    const applied = backgroundScavenging(V8_FLAGS);
    expect(applied.scavenges).toBeGreaterThan(5);
    expect(applied.backgroundMs).toBe(0);
    // V8's default, which the settings change, shares scavenges with helper threads when there is a second core
    if (availableParallelism() > 1) expect(backgroundScavenging([]).backgroundMs).toBeGreaterThan(0);
  });

  it("allocate long-lived objects' successors in the young generation (no allocation-site pretenuring)", () => {
    // 20 000 objects of 4 fields are at least 20 000 x 40 bytes
    const applied = burstGeneration(V8_FLAGS);
    expect(applied.young).toBeGreaterThan(800_000);
    expect(applied.old).toBeLessThan(100_000);
    // and V8's default, which the settings change, is what the test tells apart
    const defaults = burstGeneration([]);
    expect(defaults.old).toBeGreaterThan(800_000);
  });
});
