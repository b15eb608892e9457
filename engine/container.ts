/**
 * A container of a continuous quantity between 0 and `capacity` (SimPy, `simpy/resources/container.py`):
 * `put(amount)` waits until the amount fits, `get(amount)` until it is available; both queues are FIFO
 * without overtaking, and are served at once when possible.
 */
import type { Environment } from "./environment.ts";
import { SimEvent } from "./event.ts";

/** Options of the {@link Container} constructor. */
export interface ContainerOptions {
  /** Maximum level (default Infinity). */
  capacity?: number;
  /** Initial level (default 0). */
  init?: number;
}

/** A pending put or get of an amount. */
export class ContainerRequest extends SimEvent<undefined> {
  /** The amount to put or get. */
  readonly amount: number;
  /** @internal The queue the request waits in. */
  readonly _queue: ContainerRequest[];

  /** @internal Use `container.put(amount)` or `container.get(amount)`. */
  constructor(env: Environment, amount: number, queue: ContainerRequest[]) {
    super(env);
    this.amount = amount;
    this._queue = queue;
  }

  /** Withdraw the request if it is still waiting; a no-op otherwise. */
  cancel(): void {
    const i = this._queue.indexOf(this);
    if (i >= 0) this._queue.splice(i, 1);
  }

  /** @internal The waiting process was interrupted: withdraw. */
  override _abandon(): void {
    this.cancel();
  }
}

/** A continuous level in [0, capacity] with blocking put and get. */
export class Container {
  /** The environment the container lives in. */
  readonly env: Environment;
  /** Maximum level. */
  readonly capacity: number;
  private _level: number;
  private readonly puts: ContainerRequest[] = [];
  private readonly gets: ContainerRequest[] = [];

  /**
   * Create a container with `capacity` (default Infinity) and level `init` (default 0).
   * @throws RangeError when capacity is not > 0 or init is outside [0, capacity]
   */
  constructor(env: Environment, options: ContainerOptions = {}) {
    const capacity = options.capacity ?? Number.POSITIVE_INFINITY;
    const init = options.init ?? 0;
    if (!(capacity > 0)) throw new RangeError(`capacity must be > 0, got ${capacity}`);
    if (!(init >= 0 && init <= capacity))
      throw new RangeError(`init must be in [0, ${capacity}], got ${init}`);
    this.env = env;
    this.capacity = capacity;
    this._level = init;
  }

  /** Current level. */
  get level(): number {
    return this._level;
  }

  /** Number of puts waiting for room. */
  get putQueueLength(): number {
    return this.puts.length;
  }

  /** Number of gets waiting for the level. */
  get getQueueLength(): number {
    return this.gets.length;
  }

  /**
   * Add `amount`; the event succeeds (priority URGENT) once it fits.
   * @throws RangeError when amount is not in (0, capacity]
   */
  put(amount: number): SimEvent<undefined> {
    return this.submit(amount, this.puts);
  }

  /**
   * Remove `amount`; the event succeeds (priority URGENT) once the level allows it.
   * @throws RangeError when amount is not in (0, capacity]
   */
  get(amount: number): SimEvent<undefined> {
    return this.submit(amount, this.gets);
  }

  private submit(amount: number, queue: ContainerRequest[]): ContainerRequest {
    if (!(amount > 0 && amount <= this.capacity)) {
      throw new RangeError(`amount must be in (0, ${this.capacity}], got ${amount}`);
    }
    const request = new ContainerRequest(this.env, amount, queue);
    queue.push(request);
    this.settle();
    return request;
  }

  private settle(): void {
    const puts = this.puts;
    const gets = this.gets;
    for (;;) {
      let progressed = false;
      while (puts.length > 0 && this.capacity - this._level >= puts[0]!.amount) {
        const put = puts.shift()!;
        this._level += put.amount;
        put.succeed();
        progressed = true;
      }
      while (gets.length > 0 && this._level >= gets[0]!.amount) {
        const get = gets.shift()!;
        this._level -= get.amount;
        get.succeed();
        progressed = true;
      }
      if (!progressed) return;
    }
  }
}
