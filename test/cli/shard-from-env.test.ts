import { describe, expect, it } from "vitest";
import { shardFromEnv } from "../../src/cli/shard-from-env.ts";

describe("shardFromEnv", () => {
  it("maps Slurm array indices to 1-based shards whatever the array's first index", () => {
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: "0", SLURM_ARRAY_TASK_COUNT: "4" }, undefined)).toEqual({
      index: 1,
      count: 4,
    });
    expect(
      shardFromEnv(
        { SLURM_ARRAY_TASK_ID: "4", SLURM_ARRAY_TASK_MIN: "1", SLURM_ARRAY_TASK_COUNT: "4" },
        undefined,
      ),
    ).toEqual({ index: 4, count: 4 });
    // a count on the command line wins
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: "2", SLURM_ARRAY_TASK_COUNT: "4" }, 8)).toEqual({
      index: 3,
      count: 8,
    });
  });

  it("maps Kubernetes' JOB_COMPLETION_INDEX with the given count", () => {
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: "0" }, 3)).toEqual({ index: 1, count: 3 });
    expect(shardFromEnv({ JOB_COMPLETION_INDEX: "0" }, undefined)).toMatch(/needs the number of shards/);
  });

  it("explains a missing or out-of-range environment", () => {
    expect(shardFromEnv({}, undefined)).toMatch(/SLURM_ARRAY_TASK_ID .* JOB_COMPLETION_INDEX/);
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: "5", SLURM_ARRAY_TASK_COUNT: "4" }, undefined)).toMatch(
      /shard index 5 of 4/,
    );
    expect(shardFromEnv({ SLURM_ARRAY_TASK_ID: "x", SLURM_ARRAY_TASK_COUNT: "4" }, undefined)).toMatch(
      /index NaN/,
    );
  });
});
