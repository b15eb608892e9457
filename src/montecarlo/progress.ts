/** Progress of a Monte Carlo run, reported after every batch folded (in replication-index order). */
export interface Progress {
  /** Replications folded so far. */
  done: number;
  /** Replications planned (the cap when stopping by precision). */
  total: number;
  /** Replications per second since the start. */
  perSecond: number;
  /** Seconds left at the current rate for the planned total. */
  etaSeconds: number;
}

/** Callback receiving {@link Progress}. */
export type ProgressCallback = (progress: Progress) => void;
