/**
 * What one serving step adds to the pool's accounts; the parts of the pool (multi-model pods, dedicated
 * deployments, the all-dedicated comparison) each fill in their fields, then the accounts add them up.
 * The pool first sets the step's inputs (its end time and offered load), which the parts read from here:
 * a double passed as an argument to a call V8 does not inline is boxed (allocated) at every call, a double
 * field written in place is not.
 */

/** One step's inputs and contributions (costs in currency, times in hours). Reused: every step sets every field. */
export class ServingStep {
  /** Input: the time the step ends, days. */
  endDays = 0;
  /** Input: requests per second offered to all models during the step (its mid-step value). */
  totalRate = 0;
  /** Requests offered in the step. */
  requests = 0;
  /** Pods of the multi-model pool during the step. */
  poolPods = 0;
  poolCost = 0;
  /** Pods and cost of the dedicated deployments. */
  dedicatedPods = 0;
  dedicatedCost = 0;
  /** Cost had every model its own deployment (the comparison). */
  allDedicatedCost = 0;
  /** Models loaded on demand, and the requests that waited for those loads. */
  coldLoads = 0;
  misses = 0;
  /** p95 latency (ms) x requests of an unsaturated step, and those requests. */
  latencyWeighted = 0;
  latencyRequests = 0;
  overloadedHours = 0;
  /** Loaded models per pool pod x step hours. */
  modelsPerPodHours = 0;
}
