/**
 * `--shard-from-env [count]`: the shard of a batch-scheduler array task, read from the environment.
 *
 * - Slurm job arrays (https://slurm.schedmd.com/job_array.html): SLURM_ARRAY_TASK_ID is the task's index,
 *   SLURM_ARRAY_TASK_MIN the array's first index and SLURM_ARRAY_TASK_COUNT the number of tasks, so
 *   `--array=0-3` and `--array=1-4` both give shards 1/4 to 4/4.
 * - Kubernetes Indexed Jobs (https://kubernetes.io/docs/concepts/workloads/controllers/job/#completion-mode):
 *   JOB_COMPLETION_INDEX is 0 to completions - 1; the count is not in the environment, so it is given as the
 *   option's value (the Job's `completions`).
 *
 * A count given on the command line wins over SLURM_ARRAY_TASK_COUNT.
 */
import type { ShardOption } from "./options.ts";

/** The 1-based shard, or a sentence saying what is missing or wrong. */
export function shardFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  count: number | undefined,
): ShardOption | string {
  const slurm = env.SLURM_ARRAY_TASK_ID;
  const kubernetes = env.JOB_COMPLETION_INDEX;
  let index: number;
  let total: number | undefined = count;
  if (slurm !== undefined) {
    const min = env.SLURM_ARRAY_TASK_MIN === undefined ? 0 : Number(env.SLURM_ARRAY_TASK_MIN);
    index = Number(slurm) - min;
    total ??= env.SLURM_ARRAY_TASK_COUNT === undefined ? undefined : Number(env.SLURM_ARRAY_TASK_COUNT);
    if (total === undefined)
      return "SLURM_ARRAY_TASK_COUNT is not set; give the count: --shard-from-env <count>";
  } else if (kubernetes !== undefined) {
    index = Number(kubernetes);
    if (total === undefined) {
      return "JOB_COMPLETION_INDEX needs the number of shards: --shard-from-env <count> (the Job's completions)";
    }
  } else {
    return "--shard-from-env needs SLURM_ARRAY_TASK_ID (Slurm job array) or JOB_COMPLETION_INDEX (Kubernetes Indexed Job) in the environment";
  }
  if (!Number.isInteger(total) || total < 1 || !Number.isInteger(index) || index < 0 || index >= total) {
    return `the environment gives shard index ${index} of ${total}; expected an index from 0 to count - 1`;
  }
  return { index: index + 1, count: total };
}
