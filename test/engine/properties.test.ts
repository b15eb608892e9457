import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createStream,
  Environment,
  exponential,
  PreemptiveResource,
  type Request,
  Resource,
  uniform,
} from "../../engine/index.ts";

describe("kernel properties", () => {
  it("the clock never goes backwards", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0, max: 10, noNaN: true })), { maxLength: 8 }),
          {
            maxLength: 8,
          },
        ),
        fc.array(fc.tuple(fc.double({ min: 0, max: 20, noNaN: true }), fc.integer({ min: -3, max: 3 })), {
          maxLength: 10,
        }),
        (processes, callbacks) => {
          const env = new Environment();
          const seen: number[] = [];
          for (const delays of processes) {
            env.process(
              (function* () {
                for (const delay of delays) {
                  yield env.timeout(delay);
                  seen.push(env.now);
                  if (delay === 0) env.schedule(0, () => seen.push(env.now), 2);
                }
              })(),
            );
          }
          for (const [delay, priority] of callbacks) env.schedule(delay, () => seen.push(env.now), priority);
          let previous = env.now;
          while (env.peek() < Number.POSITIVE_INFINITY) {
            expect(env.peek()).toBeGreaterThanOrEqual(previous);
            env.step();
            expect(env.now).toBeGreaterThanOrEqual(previous);
            previous = env.now;
          }
          for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
        },
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it("a resource never has more users than its capacity (with interrupts, preemption, capacity raises)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.array(
          fc.record({
            at: fc.double({ min: 0, max: 20, noNaN: true }),
            hold: fc.double({ min: 0, max: 5, noNaN: true }),
            priority: fc.integer({ min: 0, max: 3 }),
            preempt: fc.boolean(),
            interruptAfter: fc.option(fc.double({ min: 0, max: 6, noNaN: true }), { nil: undefined }),
          }),
          { maxLength: 25 },
        ),
        fc.array(fc.tuple(fc.double({ min: 0, max: 25, noNaN: true }), fc.integer({ min: 1, max: 2 })), {
          maxLength: 3,
        }),
        (capacity, customers, raises) => {
          const env = new Environment();
          const resource = new PreemptiveResource(env, capacity);
          for (const c of customers) {
            const proc = env.process(
              (function* () {
                let req: Request | undefined;
                try {
                  yield env.timeout(c.at);
                  req = resource.request({ priority: c.priority, preempt: c.preempt });
                  yield req;
                  yield env.timeout(c.hold);
                } catch {
                  // interrupted or preempted: fall through and give the unit back
                }
                if (req !== undefined) resource.release(req);
              })(),
            );
            if (c.interruptAfter !== undefined) {
              env.schedule(c.interruptAfter * 4, () => {
                if (proc.isAlive) proc.interrupt("test");
              });
            }
          }
          for (const [at, by] of raises) {
            env.schedule(at, () => {
              resource.capacity += by;
            });
          }
          while (env.peek() < Number.POSITIVE_INFINITY) {
            env.step();
            expect(resource.count).toBeLessThanOrEqual(resource.capacity);
            const users = new Set(resource.users);
            expect(users.size).toBe(resource.count);
            for (const queued of resource.queue) expect(users.has(queued)).toBe(false);
          }
          // Everyone released or withdrew: nothing leaks.
          expect(resource.count).toBe(0);
          expect(resource.queueLength).toBe(0);
        },
      ),
      { seed: 2, numRuns: 300 },
    );
  });

  it("the same seed yields the identical trace, a different seed a different one", () => {
    function trace(seed: number): string[] {
      const env = new Environment();
      const servers = new Resource(env, 2);
      const arrivals = exponential(createStream(seed, 0, "arrivals"), 1.5);
      const service = uniform(createStream(seed, 0, "service"), 0.5, 2);
      const out: string[] = [];
      let id = 0;
      env.process(
        (function* () {
          for (;;) {
            yield env.timeout(arrivals());
            const name = `c${id++}`;
            env.process(
              (function* () {
                const req = servers.request();
                yield req;
                out.push(`${name} start ${env.now}`);
                yield env.timeout(service());
                servers.release(req);
                out.push(`${name} end ${env.now}`);
              })(),
            );
          }
        })(),
      );
      env.run({ until: 200 });
      out.push(`events ${env.eventCount}`);
      return out;
    }
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const first = trace(seed);
        expect(trace(seed)).toEqual(first);
        expect(trace(seed + 1)).not.toEqual(first);
      }),
      { seed: 3, numRuns: 30 },
    );
  });
});
