/**
 * The Kubernetes Horizontal Pod Autoscaler replica rule and its scale-down stabilisation window.
 *
 * Source: Kubernetes documentation, "Horizontal Pod Autoscaling", section "Algorithm details"
 * (https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/):
 * `desiredReplicas = ceil[currentReplicas * (currentMetricValue / desiredMetricValue)]`; the control plane
 * skips scaling when the ratio is within the tolerance of 1.0 (0.1 by default); with a scale-down
 * stabilisation window (default 300 s) the controller uses the highest recommendation over the window.
 * Scale-up has no stabilisation by default (window 0 s). The controller recomputes its recommendation every sync
 * period (15 s by default), so in a time-stepped model whose load is constant over a step, the recommendation made
 * at a step's start is re-made until the next step starts: it "holds" for the step and leaves the window
 * `window` seconds after that (issue 10 point 8: the window is honoured at any step, also one longer than it).
 */
import { secondsToDays } from "../calendar.ts";

/**
 * Replica count the HPA rule recommends for one metric, before min/max clamping.
 * Returns `current` unchanged when `|currentMetric / targetMetric - 1| <= tolerance`.
 * @example hpaDesiredReplicas(1, 200, 100) // 2 (the docs' 200m vs 100m example)
 * @throws RangeError when current < 0, targetMetric <= 0, currentMetric < 0 or tolerance < 0
 */
export function hpaDesiredReplicas(
  current: number,
  currentMetric: number,
  targetMetric: number,
  tolerance = 0.1,
): number {
  if (!(current >= 0)) throw new RangeError(`current must be >= 0, got ${current}`);
  if (!(targetMetric > 0)) throw new RangeError(`targetMetric must be > 0, got ${targetMetric}`);
  if (!(currentMetric >= 0)) throw new RangeError(`currentMetric must be >= 0, got ${currentMetric}`);
  if (!(tolerance >= 0)) throw new RangeError(`tolerance must be >= 0, got ${tolerance}`);
  const ratio = currentMetric / targetMetric;
  if (Math.abs(ratio - 1) <= tolerance) return current;
  // Guard against float noise such as 3 * (0.7 / 0.35) = 6.000000000000001.
  return Math.ceil(current * ratio - 1e-9);
}

/** Clamp a replica count to [min, max]. */
export function clampReplicas(replicas: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, replicas));
}

/**
 * Scale-down stabilisation: remembers recommendations for `windowSeconds` and returns the highest one still
 * inside the window, so replicas fall only when every recent recommendation agrees (Kubernetes HPA
 * `behavior.scaleDown.stabilizationWindowSeconds`, default 300). Time is in days (the kernel clock).
 */
export class ScaleDownStabiliser {
  readonly #windowDays: number;
  /**
   * The remembered recommendations are entries `#head..#tail - 1` of two typed arrays: the time until which each
   * was (re-)made, and its value. Entries that leave the window advance the head; when the tail reaches the end,
   * the live entries move to the front (no allocation per step, and none per entry).
   */
  #times = new Float64Array(8);
  #values = new Float64Array(8);
  #head = 0;
  #tail = 0;

  /** @throws RangeError when windowSeconds < 0 */
  constructor(windowSeconds = 300) {
    if (!(windowSeconds >= 0)) throw new RangeError(`windowSeconds must be >= 0, got ${windowSeconds}`);
    this.#windowDays = secondsToDays(windowSeconds);
  }

  /**
   * Record the recommendation made at `timeDays` and re-made for `holdDays` after it (a time step over which the
   * load is constant; 0 = a single sync), and return the stabilised replica count: the highest recommendation
   * made within the window before `timeDays`.
   */
  recommend(timeDays: number, replicas: number, holdDays = 0): number {
    if (this.#tail === this.#times.length) this.#makeRoom();
    const times = this.#times;
    const values = this.#values;
    const tail = this.#tail++;
    times[tail] = timeDays + holdDays;
    values[tail] = replicas;
    const cutoff = timeDays - this.#windowDays + 1e-12;
    let head = this.#head;
    while (head < tail && times[head]! <= cutoff) head++;
    this.#head = head;
    let best = replicas;
    for (let i = head; i <= tail; i++) if (values[i]! > best) best = values[i]!;
    return best;
  }

  /**
   * Move the live entries to the front, doubling the arrays when they are more than half full (8 entries to
   * start: typed arrays that small live on the V8 heap, larger ones are allocated outside it).
   */
  #makeRoom(): void {
    const head = this.#head;
    const live = this.#tail - head;
    if (live * 2 > this.#times.length) {
      const times = new Float64Array(this.#times.length * 2);
      const values = new Float64Array(this.#values.length * 2);
      times.set(this.#times.subarray(head, this.#tail));
      values.set(this.#values.subarray(head, this.#tail));
      this.#times = times;
      this.#values = values;
    } else {
      // a few entries at most (the window over the step): a loop, not a runtime call
      const times = this.#times;
      const values = this.#values;
      for (let i = 0; i < live; i++) {
        times[i] = times[head + i]!;
        values[i] = values[head + i]!;
      }
    }
    this.#head = 0;
    this.#tail = live;
  }

  /** The latest recommendation (the whole memory that matters next when the window is shorter than the hold). */
  get latest(): number {
    return this.#tail > 0 ? this.#values[this.#tail - 1]! : 0;
  }
}
