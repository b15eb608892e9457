import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasStackTrace, runCli } from "./spawn-cli.ts";

const work = mkdtempSync(join(tmpdir(), "scalesim-cli-stop-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One replication of this scenario takes minutes (3 000 jobs a day on one small cluster for 36 months). */
const slow = join(work, "slow.yaml");
writeFileSync(slow, "extends: level-1\nplatform:\n  workloads:\n    jobStreams:\n      - ratePerDay: 3000\n");

describe("Ctrl-C and SIGTERM stop a run promptly whatever the worker count (issue 13 item 10)", () => {
  it.each([
    ["SIGINT", "1"],
    ["SIGTERM", "1"],
    ["SIGINT", "2"],
  ] as const)(
    "%s with -w %s during a replication of minutes: exit 130, nothing written",
    async (signal, workers) => {
      const out = join(work, `out-${signal}-${workers}`);
      // the replication runs for minutes, so a run still alive when the test times out (20 s) did not stop
      const result = await runCli(["run", slow, "-n", "2", "-w", workers, "-o", out], {
        timeoutMs: 20_000,
        onSpawn: (child) => {
          setTimeout(() => child.kill(signal), 4_000);
        },
      });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(130);
      expect(result.stderr).toContain("interrupted");
      expect(hasStackTrace(result.stderr)).toBe(false);
      expect(existsSync(out)).toBe(false);
    },
  );
});
