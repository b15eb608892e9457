import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createStream,
  Environment,
  exponential,
  PreemptiveResource,
  type Request,
  Resource,
} from "../../engine/index.ts";

type Trace = (string | number)[][];

/**
 * Workers that each request `resource` `rounds` times, hold it, release it and pause (exponential times), several
 * of them releasing at the same instants (hold times on a grid of 0.5), and a monitor process waiting for a unit
 * too; `renew` makes each worker renew its previous request and release it without the event, else plain
 * request() and release(). Returns the trace of grants and releases, the event count and the objects' identities.
 */
function run(seed: number, workers: number, capacity: number, renew: boolean) {
  const env = new Environment();
  const resource = new Resource(env, capacity);
  const trace: Trace = [];
  const requestObjects = new Set<Request>();
  const hold = exponential(createStream(seed, 0, "hold"), 1);
  const pause = exponential(createStream(seed, 0, "pause"), 0.7);
  function* worker(id: number) {
    let previous: Request | null = null;
    for (let round = 0; round < 20; round++) {
      const request: Request = renew ? resource.renewRequest(previous) : resource.request();
      requestObjects.add(request);
      trace.push(["ask", id, env.now, resource.queueLength]);
      yield request;
      trace.push(["got", id, env.now, request.time, request.usageSince, resource.count]);
      yield env.timeout(Math.round(hold() * 2) / 2);
      if (renew) resource.releaseUnwatched(request);
      else resource.release(request);
      trace.push(["released", id, env.now, resource.count, resource.queueLength]);
      previous = request;
      yield env.timeout(Math.round(pause() * 2) / 2);
    }
  }
  for (let id = 0; id < workers; id++) env.process(worker(id));
  env.run();
  return { trace, events: env.eventCount, objects: requestObjects.size };
}

describe("Resource.renewRequest and releaseUnwatched", () => {
  it("give the same grants, releases, times and event count as request() and release()", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000 }),
        fc.integer({ min: 1, max: 8 }),
        fc.integer({ min: 1, max: 4 }),
        (seed, workers, capacity) => {
          const plain = run(seed, workers, capacity, false);
          const renewed = run(seed, workers, capacity, true);
          expect(renewed.trace).toEqual(plain.trace);
          expect(renewed.events).toBe(plain.events);
          // one request object per worker instead of one per request
          expect(plain.objects).toBe(workers * 20);
          expect(renewed.objects).toBe(workers);
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it("grants in order when several unwatched releases of one instant wait on the list together", () => {
    const env = new Environment();
    const resource = new Resource(env, 3);
    const held = [resource.request(), resource.request(), resource.request()];
    const log: string[] = [];
    for (const name of ["x", "y", "z"]) {
      resource.request().then(() => log.push(`${name}@${env.now}`));
    }
    env.schedule(2, () => {
      for (const request of held) resource.releaseUnwatched(request);
    });
    env.run();
    expect(log).toEqual(["x@2", "y@2", "z@2"]);
    expect(resource.count).toBe(3);
    expect(resource.queueLength).toBe(0);
  });

  it("renews only a spent request: a new one while the previous is queued, granted or held", () => {
    const env = new Environment();
    const resource = new Resource(env, 1);
    const first = resource.request();
    // granted but not yet processed
    expect(resource.renewRequest(first)).not.toBe(first);
    env.run();
    // processed and held
    const queued = resource.renewRequest(first);
    expect(queued).not.toBe(first);
    expect(resource.renewRequest(queued)).not.toBe(queued);
    resource.releaseUnwatched(first);
    env.run();
    // first is spent: it is made again, and queues behind the others
    const again = resource.renewRequest(first);
    expect(again).toBe(first);
    expect(again.triggered).toBe(false);
    expect(again.usageSince).toBeNaN();
    expect(resource.queue.at(-1)).toBe(first);
    expect(() => new Resource(env, 1).renewRequest(first)).toThrow(TypeError);
    expect(() => new Resource(env, 1).releaseUnwatched(first)).toThrow(TypeError);
  });

  it("keeps the priority and preemption of a renewed preemptive request", () => {
    const env = new Environment();
    const resource = new PreemptiveResource(env, 1);
    const holder = resource.request({ priority: 5 });
    const urgent = resource.request({ priority: -1, preempt: false });
    env.run();
    resource.releaseUnwatched(holder);
    env.run();
    resource.releaseUnwatched(urgent);
    env.run();
    const renewed = resource.renewRequest(urgent);
    expect(renewed).toBe(urgent);
    expect([renewed.priority, renewed.preempt]).toEqual([-1, false]);
    env.run();
    expect(renewed.processed).toBe(true);
    expect(resource.users).toEqual([renewed]);
  });
});
