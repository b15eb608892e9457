import { describe, expect, it } from "vitest";
import { clampReplicas, hpaDesiredReplicas, ScaleDownStabiliser } from "../../../src/model/platform/hpa.ts";

// Examples from the Kubernetes documentation, "Horizontal Pod Autoscaling", Algorithm details, and the
// Kubernetes v1.33 blog post "HorizontalPodAutoscaler Configurable Tolerance".
describe("hpaDesiredReplicas", () => {
  it("doubles replicas at 200m against a 100m target", () => {
    expect(hpaDesiredReplicas(1, 200, 100)).toBe(2);
    expect(hpaDesiredReplicas(4, 200, 100)).toBe(8);
  });
  it("halves replicas at 50m against a 100m target", () => {
    expect(hpaDesiredReplicas(4, 50, 100)).toBe(2);
  });
  it("scales 50 replicas at 90% against a 75% target to 60 (ratio 1.2, beyond the 10% tolerance)", () => {
    expect(hpaDesiredReplicas(50, 90, 75)).toBe(60);
  });
  it("skips scaling when the ratio is within the tolerance of 1.0", () => {
    expect(hpaDesiredReplicas(50, 82, 75)).toBe(50); // 1.093
    expect(hpaDesiredReplicas(10, 90, 100)).toBe(10); // 0.9 exactly: within tolerance
    expect(hpaDesiredReplicas(10, 89, 100)).toBe(9);
    expect(hpaDesiredReplicas(50, 82, 75, 0.05)).toBe(55); // configurable tolerance (v1.33)
  });
  it("rounds up and clamps", () => {
    expect(hpaDesiredReplicas(3, 0.7, 0.35)).toBe(6);
    expect(hpaDesiredReplicas(3, 1, 0.6)).toBe(5);
    expect(clampReplicas(12, 1, 10)).toBe(10);
    expect(clampReplicas(0, 1, 10)).toBe(1);
  });
  it("rejects a non-positive target", () => {
    expect(() => hpaDesiredReplicas(1, 1, 0)).toThrow(RangeError);
  });
});

describe("ScaleDownStabiliser", () => {
  it("uses the highest recommendation within the window", () => {
    const s = new ScaleDownStabiliser(300);
    const sec = 1 / 86_400;
    expect(s.recommend(0, 10)).toBe(10);
    expect(s.recommend(60 * sec, 4)).toBe(10);
    expect(s.recommend(299 * sec, 5)).toBe(10);
    expect(s.recommend(301 * sec, 5)).toBe(5); // the 10 at t=0 left the window
    expect(s.recommend(400 * sec, 3)).toBe(5);
    expect(s.recommend(700 * sec, 3)).toBe(3);
  });
});

describe("ScaleDownStabiliser at a step longer than the window (issue 10 point 8)", () => {
  const hour = 1 / 24;
  it("keeps the previous step's recommendation for the next step: it was re-made until that step began", () => {
    const s = new ScaleDownStabiliser(300);
    expect(s.recommend(0, 10, hour)).toBe(10);
    expect(s.recommend(hour, 4, hour)).toBe(10);
    expect(s.recommend(2 * hour, 4, hour)).toBe(4);
    expect(s.latest).toBe(4);
  });

  it("does not stabilise with a window of 0 s", () => {
    const s = new ScaleDownStabiliser(0);
    expect(s.recommend(0, 10, hour)).toBe(10);
    expect(s.recommend(hour, 4, hour)).toBe(4);
  });
});

describe("ScaleDownStabiliser over long runs", () => {
  /** The rule written out plainly: every recommendation kept in a list, the ones out of the window dropped. */
  function reference(windowSeconds: number) {
    const windowDays = windowSeconds / 86_400;
    let times: number[] = [];
    let values: number[] = [];
    return (timeDays: number, replicas: number, holdDays: number): number => {
      times.push(timeDays + holdDays);
      values.push(replicas);
      let drop = 0;
      while (drop < times.length - 1 && times[drop]! <= timeDays - windowDays + 1e-12) drop++;
      times = times.slice(drop);
      values = values.slice(drop);
      return Math.max(...values);
    };
  }

  it("gives the plain rule's answer at every call, for windows shorter and longer than the step", () => {
    for (const [windowSeconds, stepSeconds] of [
      [300, 3_600],
      [3_600, 300],
      [900, 60],
      [0, 3_600],
    ] as const) {
      const s = new ScaleDownStabiliser(windowSeconds);
      const plain = reference(windowSeconds);
      const step = stepSeconds / 86_400;
      let state = 7;
      const got: number[] = [];
      const want: number[] = [];
      let last = 0;
      for (let k = 0; k < 2_000; k++) {
        state = (state * 1103515245 + 12345) % 2147483648;
        const replicas = 1 + (state % 17);
        // irregular gaps too: some calls a fraction of a step apart
        const t = k * step + (state % 3 === 0 ? step / 3 : 0);
        got.push(s.recommend(t, replicas, step));
        last = replicas;
        want.push(plain(t, replicas, step));
      }
      expect(got).toEqual(want);
      expect(s.latest).toBe(last);
    }
  });
});
