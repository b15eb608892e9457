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
  it("events run in (time, priority, creation) order, on the heap or on the current-instant FIFOs", () => {
    // An action creates, when it runs, the children listed for it: kind 0 an event succeeded now with a
    // priority (URGENT and NORMAL go to the FIFOs, others to the heap), kind 1 a timeout, kind 2 a
    // scheduled callback. The kernel's run order must equal a sorted-list reference running the same program.
    const child = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.constantFrom(0, 0, 0, 1, 2),
      fc.constantFrom(-1, 0, 0, 1, 1, 3),
    );
    fc.assert(
      fc.property(fc.array(fc.array(child, { maxLength: 3 }), { minLength: 1, maxLength: 20 }), (program) => {
        const limit = 150;
        const kernelOrder: number[] = [];
        {
          const env = new Environment();
          let created = 0;
          const create = ([kind, delay, priority]: [number, number, number]): void => {
            const id = created++;
            const run = () => {
              kernelOrder.push(id);
              for (const c of program[id % program.length]!) if (created < limit) create(c);
            };
            if (kind === 0) {
              const event = env.event();
              event.then(run);
              event.succeed(undefined, priority);
            } else if (kind === 1) env.timeout(delay).then(run);
            else env.schedule(delay, run, priority);
          };
          for (const c of program[0]!) create(c);
          env.run();
        }
        const referenceOrder: number[] = [];
        {
          let now = 0;
          let created = 0;
          const list: [number, number, number][] = []; // (time, priority, id); ids are creation order
          const create = ([kind, delay, priority]: [number, number, number]): void => {
            list.push(
              kind === 0 ? [now, priority, created++] : [now + delay, kind === 1 ? 1 : priority, created++],
            );
          };
          for (const c of program[0]!) create(c);
          while (list.length > 0) {
            list.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
            const [time, , id] = list.shift()!;
            now = time;
            referenceOrder.push(id);
            for (const c of program[id % program.length]!) if (created < limit) create(c);
          }
        }
        expect(kernelOrder).toEqual(referenceOrder);
      }),
      { numRuns: 300 },
    );
  });

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
