/**
 * A container of a continuous quantity between 0 and `capacity` (SimPy, `simpy/resources/container.py`):
 * `put(amount)` waits until the amount fits, `get(amount)` until it is available. Both queues are FIFO
 * without overtaking and follow SimPy's event order (./base-resource.ts): an operation is served at once
 * when possible, and the other queue is examined when it is processed.
 */
import { BaseResource, Operation } from "./base-resource.ts";
import type { Environment } from "./environment.ts";

/** Options of the {@link Container} constructor. */
export interface ContainerOptions {
  /** Maximum level (default Infinity). */
  capacity?: number;
  /** Initial level (default 0). */
  init?: number;
}

/** A pending put or get of an amount. */
export class ContainerRequest extends Operation<undefined> {
  /** The amount to put or get. */
  readonly amount: number;

  /** @internal Use `container.put(amount)` or `container.get(amount)`. */
  constructor(container: Container, amount: number, isPut: boolean) {
    super(container as unknown as BaseResource<Operation<unknown>, Operation<unknown>>, isPut);
    this.amount = amount;
  }
}

/** A continuous level in [0, capacity] with blocking put and get. */
export class Container extends BaseResource<ContainerRequest, ContainerRequest> {
  /** Maximum level. */
  readonly capacity: number;
  /** Starts as a number, not undefined, so that writes of doubles do not allocate (the constructor sets it). */
  private _level = 0;

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
    super(env);
    this.capacity = capacity;
    this._level = init;
  }

  /** Current level. */
  get level(): number {
    return this._level;
  }

  /**
   * Add `amount`; the event succeeds (priority NORMAL) once it fits.
   * @throws RangeError when amount is not in (0, capacity]
   */
  put(amount: number): ContainerRequest {
    return this._submitPut(new ContainerRequest(this, this.check(amount), true));
  }

  /**
   * Remove `amount`; the event succeeds (priority NORMAL) once the level allows it.
   * @throws RangeError when amount is not in (0, capacity]
   */
  get(amount: number): ContainerRequest {
    return this._submitGet(new ContainerRequest(this, this.check(amount), false));
  }

  /** @internal Add the amount if it fits; go on while puts fit. */
  _doPut(put: ContainerRequest): boolean {
    if (this.capacity - this._level < put.amount) return false;
    this._level += put.amount;
    put.succeed();
    return true;
  }

  /** @internal Remove the amount if available; go on while gets are served. */
  _doGet(get: ContainerRequest): boolean {
    if (this._level < get.amount) return false;
    this._level -= get.amount;
    get.succeed();
    return true;
  }

  private check(amount: number): number {
    if (!(amount > 0 && amount <= this.capacity)) {
      throw new RangeError(`amount must be in (0, ${this.capacity}], got ${amount}`);
    }
    return amount;
  }
}
