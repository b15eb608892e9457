/**
 * Statistical validation of the kernel against queueing theory (formulas and sources in queueing-theory.ts).
 * Each test simulates with fixed seeds, discards a warm-up, and asserts that the 99% batch-means confidence
 * interval of the simulated value contains the theoretical value and is reasonably narrow.
 */
import { describe, expect, it } from "vitest";
import {
  batchMeans,
  constant,
  createStream,
  Environment,
  exponential,
  gamma,
  Resource,
  Tally,
  TimeWeighted,
} from "../../engine/index.ts";
import {
  erlangC,
  mm1NumberInSystem,
  mm1WaitInQueue,
  mmcWaitInQueue,
  pollaczekKhinchineWait,
  utilisation,
} from "./queueing-theory.ts";

const BATCHES = 30;
const CONFIDENCE = 0.99;

interface QueueRun {
  /** Wait in queue of each customer that arrived after the warm-up, in arrival order. */
  waits: number[];
  /** 1 when that customer had to wait, else 0. */
  waited: number[];
  /** Time in system of each customer that arrived after the warm-up and left before the end. */
  sojourns: Tally;
  /** Time-average number in system per time batch after the warm-up. */
  numberInSystem: number[];
  /** Time-average fraction of busy servers per time batch after the warm-up. */
  busyFraction: number[];
}

/** Simulate a G/G/c FIFO queue written the SimPy way: a source process and one process per customer. */
function simulateQueue(options: {
  seed: number;
  servers: number;
  interarrival: () => number;
  service: () => number;
  warmup: number;
  until: number;
}): QueueRun {
  const { servers, interarrival, service, warmup, until } = options;
  const env = new Environment();
  const resource = new Resource(env, servers);
  const inSystem = new TimeWeighted(env, 0);
  const busy = new TimeWeighted(env, 0);
  const run: QueueRun = {
    waits: [],
    waited: [],
    sojourns: new Tally(),
    numberInSystem: [],
    busyFraction: [],
  };
  let count = 0;

  function* customer() {
    const arrival = env.now;
    const measured = arrival >= warmup;
    inSystem.record(++count);
    const request = resource.request();
    yield request;
    busy.record(resource.count / servers);
    if (measured) {
      run.waits.push(env.now - arrival);
      run.waited.push(env.now > arrival ? 1 : 0);
    }
    yield env.timeout(service());
    resource.release(request);
    busy.record(resource.count / servers);
    inSystem.record(--count);
    if (measured) run.sojourns.add(env.now - arrival);
  }
  env.process(
    (function* () {
      for (;;) {
        yield env.timeout(interarrival());
        env.process(customer());
      }
    })(),
  );
  env.process(
    (function* () {
      yield env.timeout(warmup);
      inSystem.reset();
      busy.reset();
      const batchLength = (until - warmup) / BATCHES;
      for (let b = 0; b < BATCHES; b++) {
        yield env.timeout(batchLength);
        run.numberInSystem.push(inSystem.mean());
        run.busyFraction.push(busy.mean());
        inSystem.reset();
        busy.reset();
      }
    })(),
  );
  env.run({ until: until + 1 });
  return run;
}

function expectInside(values: number[], theory: number, maxRelativeHalfWidth: number) {
  const ci = batchMeans(values, BATCHES, CONFIDENCE);
  const report = `theory ${theory.toFixed(4)}, simulated ${ci.mean.toFixed(4)} in [${ci.low.toFixed(4)}, ${ci.high.toFixed(4)}]`;
  if (process.env.QUEUEING_REPORT)
    console.log(report, `half-width ${((ci.halfWidth / theory) * 100).toFixed(2)}%`);
  expect(ci.low, report).toBeLessThanOrEqual(theory);
  expect(ci.high, report).toBeGreaterThanOrEqual(theory);
  expect(ci.low, report).toBeLessThanOrEqual(ci.mean);
  expect(ci.high, report).toBeGreaterThanOrEqual(ci.mean);
  // A test that accepts any interval cannot fail: the interval must also be informative.
  expect(ci.halfWidth / theory, report).toBeLessThan(maxRelativeHalfWidth);
  return ci;
}

function markovian(seed: number, arrivalRate: number, serviceRate: number) {
  return {
    interarrival: exponential(createStream(seed, 0, "arrivals"), arrivalRate),
    service: exponential(createStream(seed, 0, "service"), serviceRate),
  };
}

describe("kernel against queueing theory (99% batch-means intervals)", () => {
  it("M/M/1 (lambda 0.7, mu 1): Wq and L", () => {
    const lambda = 0.7;
    const mu = 1;
    const run = simulateQueue({
      seed: 11,
      servers: 1,
      ...markovian(11, lambda, mu),
      warmup: 2_000,
      until: 400_000,
    });
    expectInside(run.waits, mm1WaitInQueue(lambda, mu), 0.1);
    expectInside(run.numberInSystem, mm1NumberInSystem(lambda, mu), 0.1);
  });

  for (const [servers, lambda, seed, until] of [
    [2, 1.6, 21, 200_000],
    [5, 4.2, 22, 120_000],
  ] as const) {
    it(`M/M/${servers} (lambda ${lambda}, mu 1): P(wait) and Wq against Erlang C`, () => {
      const mu = 1;
      const run = simulateQueue({ seed, servers, ...markovian(seed, lambda, mu), warmup: 2_000, until });
      expectInside(run.waited, erlangC(lambda, mu, servers), 0.05);
      expectInside(run.waits, mmcWaitInQueue(lambda, mu, servers), 0.1);
    });
  }

  it("M/D/1 (lambda 0.8, service 1): Wq against Pollaczek-Khinchine", () => {
    const lambda = 0.8;
    const d = 1;
    const run = simulateQueue({
      seed: 31,
      servers: 1,
      interarrival: exponential(createStream(31, 0, "arrivals"), lambda),
      service: constant(d),
      warmup: 2_000,
      until: 300_000,
    });
    expectInside(run.waits, pollaczekKhinchineWait(lambda, d, d * d), 0.1);
  });

  it("M/G/3 (gamma service): Little's law L = lambda W and utilisation = rho", () => {
    const lambda = 2.4;
    const shape = 2;
    const scale = 0.5; // mean service 1, so rho = 0.8
    const servers = 3;
    const run = simulateQueue({
      seed: 41,
      servers,
      interarrival: exponential(createStream(41, 0, "arrivals"), lambda),
      service: gamma(createStream(41, 0, "service"), shape, scale),
      warmup: 2_000,
      until: 200_000,
    });
    expectInside(run.numberInSystem, lambda * run.sojourns.mean, 0.05);
    expectInside(run.busyFraction, utilisation(lambda, shape * scale, servers), 0.02);
  });
});
