/**
 * A compute cluster with Azure ML AmlCompute semantics: nodes are provisioned on demand (with a start-up
 * delay), released after an idle time, bounded by min/max nodes; dedicated or low-priority (discounted,
 * evictable) nodes; a job queue in priority-then-FIFO order with per-tenant quotas on concurrent nodes.
 *
 * Sources:
 * - Azure ML AmlCompute scale settings (min nodes, max nodes, `idle_seconds_before_scaledown`, vm priority
 *   dedicated / low priority): learn.microsoft.com, "Create an Azure Machine Learning compute cluster" and the
 *   ScaleSettings REST type (minNodeCount, maxNodeCount, nodeIdleTimeBeforeScaleDown). Low-priority VMs may be
 *   preempted; a preempted job is restarted (not resumed), and billing runs from VM allocation, start-up included.
 * - The scale-up/scale-down utilisation thresholds (0.7 / 0.3) and cooldowns (60 s / 300 s) are the guide's
 *   Pattern 11 configuration; they are not AmlCompute API fields, so their semantics here are stated, not copied:
 *   scale up when queued jobs cannot be placed on idle or starting nodes, or busy/allocated > up threshold
 *   (then to ceil(busy / up threshold) nodes); at most one scale-up per up-cooldown and one scale-down per
 *   down-cooldown.
 * - Scale-down (issue 10 point 8): AmlCompute releases a node once it has been idle for
 *   `idle_seconds_before_scaledown` (ScaleSettings.nodeIdleTimeBeforeScaleDown: "Node Idle Time before scaling
 *   down amlCompute"), down to min nodes, whatever the other nodes do; that is the default `idleTime` rule. The
 *   guide's gate (release only while busy/allocated < down threshold) is the option `utilisationGate`.
 * - Queue discipline: lowest priority number first, FIFO within a priority (submission order survives
 *   eviction). A job blocked by its tenant's quota is skipped; a job blocked by capacity blocks the jobs
 *   behind it (no backfill), so wide jobs cannot starve.
 *
 * The scaler is event-driven by default (evaluated whenever the state changes and when a cooldown or an idle
 * timer expires, i.e. a periodic scaler with a vanishing period); `scalerIntervalSeconds > 0` evaluates on a
 * fixed grid instead, but only while something can change, so an idle cluster costs no events.
 */
import type { Environment, RandomSource, ScheduledHandle, SimEvent } from "../../../engine/index.ts";
import { exponentialGap, TimeWeighted } from "../../../engine/index.ts";
import { HOURS_PER_DAY, hoursToDays, secondsToDays } from "../calendar.ts";
import { youngClosure } from "../young-closure.ts";
import { ClusterJobQueue } from "./cluster-job-queue.ts";
import type { JobOutcome, JobRequest } from "./port.ts";

/** Parameters of one cluster (seconds and hours as users write them; converted to days inside). */
export interface ClusterOptions {
  name: string;
  region: string;
  minNodes: number;
  maxNodes: number;
  costPerNodeHour: number;
  provisioningSeconds: number;
  /** Low-priority (spot) nodes: discounted and evictable. */
  lowPriority: boolean;
  /** Discount of low-priority nodes on the list price, in [0, 1] (0.8 = 80% cheaper). */
  lowPriorityDiscount: number;
  /** Evictions per node-hour of a low-priority node (exponential lifetimes). */
  evictionRatePerNodeHour: number;
  scaleUpThreshold: number;
  scaleDownThreshold: number;
  /**
   * `idleTime` (AmlCompute): release nodes idle for the idle time whatever the utilisation; `utilisationGate`
   * (guide Pattern 11): only while busy / allocated < scaleDownThreshold. Default `idleTime`.
   */
  scaleDownRule?: "idleTime" | "utilisationGate";
  scaleUpCooldownSeconds: number;
  scaleDownCooldownSeconds: number;
  idleSecondsBeforeScaledown: number;
  /** 0 = evaluate on every state change (default); > 0 = evaluate on a fixed grid of this period. */
  scalerIntervalSeconds: number;
  /** Max concurrent nodes per tenant; tenants not listed are unlimited. */
  quotas: Record<string, number>;
  /** Uniform source for eviction lifetimes (required when lowPriority and evictionRatePerNodeHour > 0). */
  evictionSource?: RandomSource;
  /** Receives one line per scaling action and job transition, for traces and tests. */
  trace?: (line: string) => void;
}

type NodeState = "provisioning" | "idle" | "busy";

interface ClusterNode {
  id: number;
  state: NodeState;
  requestedAt: number;
  idleSince: number;
  job: ClusterJob | undefined;
  readyHandle: ScheduledHandle | undefined;
  evictionHandle: ScheduledHandle | undefined;
}

/** What the cluster tracks of one tenant: nodes its running jobs hold, and its busy-node account. */
interface TenantUse {
  inUse: number;
  /** Created when the tenant's first job starts (the `busyByTenant` entry). */
  busy: TimeWeighted | undefined;
}

/**
 * A submitted job until it finishes. Records are pooled: a finished job's record carries the next submission,
 * with its node list, finish callback and finish handle (`Environment.reschedule` reuses a handle that ran or was
 * cancelled), so a submission allocates only its event and a start allocates nothing.
 */
interface ClusterJob {
  /** Submission order (FIFO within a priority, kept across evictions). */
  seq: number;
  /** The request's priority (lower first). */
  priority: number;
  request: JobRequest;
  /** The tenant's record (looked up once, at submission). */
  use: TenantUse;
  nodes: number;
  submittedAt: number;
  /** Whether the job has started once (its first wait is recorded). */
  started: boolean;
  evictions: number;
  event: SimEvent<JobOutcome>;
  /**
   * The nodes it runs on are the first `nodes` entries while it runs (`nodes` of a running job never changes).
   * The list is neither emptied nor shortened when it stops: that would drop or trim its backing store, and a
   * later start would allocate another.
   */
  readonly onNodes: ClusterNode[];
  /** The handle of its scheduled finish (pending while it runs). */
  finishHandle: ScheduledHandle | null;
  /** Finishes the job the record carries (one closure per record). */
  finish: () => void;
}

/** Totals a cluster keeps for reports; node-days and integrals are in days. */
export interface ClusterTotals {
  jobsSubmitted: number;
  jobsCompleted: number;
  evictions: number;
  jobsClamped: number;
  scaleUps: number;
  scaleDowns: number;
}

const EPS = 1e-9;

/** The placeholder finish callback of a job record being built. */
function noFinish(): void {}

/** One AmlCompute-like cluster on the kernel clock (days). */
export class ComputeCluster {
  readonly name: string;
  readonly region: string;
  /** The options in force (replaced by `reconfigure`). */
  options: Readonly<ClusterOptions>;
  /** Nodes allocated (provisioning + idle + busy): the billed quantity; integrals in node-days. */
  readonly allocated: TimeWeighted;
  /** Busy nodes. */
  readonly busy: TimeWeighted;
  /** Jobs waiting. */
  readonly queueLength: TimeWeighted;
  /** Busy nodes per tenant (OpenCost usage of the cluster), from the tenant's first job on. */
  readonly busyByTenant = new Map<string, TimeWeighted>();
  /** Per-job queue wait of the first start, hours (one entry per started job). */
  readonly waitHours: number[] = [];
  readonly totals: ClusterTotals = {
    jobsSubmitted: 0,
    jobsCompleted: 0,
    evictions: 0,
    jobsClamped: 0,
    scaleUps: 0,
    scaleDowns: 0,
  };

  readonly #env: Environment;
  readonly #nodes: ClusterNode[] = [];
  /** Idle nodes in the order they became idle (oldest first): start takes from the end, scale-down from the front. */
  readonly #idle: ClusterNode[] = [];
  /** What the scaler's wake-up timer runs (one closure for every wake-up). */
  readonly #onWake = (): void => {
    this.#wakeAt = Number.POSITIVE_INFINITY;
    this.#evaluate();
  };
  readonly #queue = new ClusterJobQueue<ClusterJob>();
  readonly #useByTenant = new Map<string, TenantUse>();
  #provisionDays: number;
  #idleDays: number;
  #upCooldownDays: number;
  #downCooldownDays: number;
  #intervalDays: number;
  /** min = max and no evictions: the scaler never changes anything, so it is not woken. */
  #fixedSize: boolean;
  #lastScaleUp = Number.NEGATIVE_INFINITY;
  #lastScaleDown = Number.NEGATIVE_INFINITY;
  /** The handle of the last wake-up, reused for the next once it has run or was cancelled. */
  #wakeHandle: ScheduledHandle | null = null;
  /** When the pending wake-up runs; Infinity when none is pending. */
  #wakeAt = Number.POSITIVE_INFINITY;
  /** Records of finished jobs, for the next submissions. */
  readonly #freeJobs: ClusterJob[] = [];
  #nextNodeId = 0;
  #nextSeq = 0;

  /**
   * Create the cluster with `minNodes` nodes already running at the current time.
   * @throws RangeError on inconsistent options (min > max, thresholds outside [0, 1], negative times)
   */
  constructor(env: Environment, options: ClusterOptions) {
    const o = options;
    if (!(Number.isInteger(o.minNodes) && o.minNodes >= 0))
      throw new RangeError(`minNodes must be an integer >= 0, got ${o.minNodes}`);
    if (!(Number.isInteger(o.maxNodes) && o.maxNodes >= Math.max(1, o.minNodes)))
      throw new RangeError(`maxNodes must be an integer >= max(1, minNodes), got ${o.maxNodes}`);
    for (const key of ["scaleUpThreshold", "scaleDownThreshold", "lowPriorityDiscount"] as const)
      if (!(o[key] >= 0 && o[key] <= 1)) throw new RangeError(`${key} must be in [0, 1], got ${o[key]}`);
    for (const key of [
      "provisioningSeconds",
      "scaleUpCooldownSeconds",
      "scaleDownCooldownSeconds",
      "idleSecondsBeforeScaledown",
      "scalerIntervalSeconds",
      "evictionRatePerNodeHour",
      "costPerNodeHour",
    ] as const)
      if (!(o[key] >= 0)) throw new RangeError(`${key} must be >= 0, got ${o[key]}`);
    if (o.lowPriority && o.evictionRatePerNodeHour > 0 && o.evictionSource === undefined)
      throw new TypeError("evictionSource is required for evictable low-priority nodes");
    this.#env = env;
    this.name = o.name;
    this.region = o.region;
    this.options = o;
    this.#provisionDays = secondsToDays(o.provisioningSeconds);
    this.#idleDays = secondsToDays(o.idleSecondsBeforeScaledown);
    this.#upCooldownDays = secondsToDays(o.scaleUpCooldownSeconds);
    this.#downCooldownDays = secondsToDays(o.scaleDownCooldownSeconds);
    this.#intervalDays = secondsToDays(o.scalerIntervalSeconds);
    this.#fixedSize = o.minNodes === o.maxNodes && !(o.lowPriority && o.evictionRatePerNodeHour > 0);
    this.allocated = new TimeWeighted(env, o.minNodes);
    this.busy = new TimeWeighted(env, 0);
    this.queueLength = new TimeWeighted(env, 0);
    for (let i = 0; i < o.minNodes; i++) this.#addNode(true);
  }

  /** Nodes allocated now (provisioning, idle or busy). */
  get nodeCount(): number {
    return this.#nodes.length;
  }

  /** Jobs waiting now. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Effective price per node-hour after the low-priority discount. */
  get effectiveCostPerNodeHour(): number {
    const o = this.options;
    return o.lowPriority ? o.costPerNodeHour * (1 - o.lowPriorityDiscount) : o.costPerNodeHour;
  }

  /**
   * Queue a job; the returned event succeeds with its outcome when it has run to completion. Jobs wider than
   * the cluster's max nodes or the tenant's quota are narrowed to fit (counted in `totals.jobsClamped`).
   * @throws RangeError when nodes < 1 or runHours < 0
   */
  submit(request: JobRequest): SimEvent<JobOutcome> {
    if (!(request.nodes >= 1)) throw new RangeError(`nodes must be >= 1, got ${request.nodes}`);
    if (!(request.runHours >= 0)) throw new RangeError(`runHours must be >= 0, got ${request.runHours}`);
    const now = this.#env.now;
    const quota = this.options.quotas[request.tenant] ?? Number.POSITIVE_INFINITY;
    let nodes = Math.ceil(request.nodes);
    const cap = Math.max(1, Math.min(this.options.maxNodes, quota));
    if (nodes > cap) {
      nodes = cap;
      this.totals.jobsClamped++;
    }
    const job = this.#freeJobs.pop() ?? this.#newJob();
    job.seq = this.#nextSeq++;
    job.priority = request.priority;
    job.request = request;
    job.use = this.#useOf(request.tenant);
    job.nodes = nodes;
    job.submittedAt = now;
    job.started = false;
    job.evictions = 0;
    job.event = this.#env.event<JobOutcome>();
    this.totals.jobsSubmitted++;
    this.#enqueue(job);
    if (this.options.trace !== undefined)
      this.#trace(
        `submit ${request.label} tenant=${request.tenant} nodes=${nodes} hours=${request.runHours}`,
      );
    this.#changed();
    return job.event;
  }

  #enqueue(job: ClusterJob): void {
    this.#queue.insert(job);
    this.queueLength.record(this.#queue.length);
  }

  #changed(): void {
    this.#dispatch();
    // a cluster that can neither grow, shrink nor lose nodes has nothing for the scaler to decide
    if (this.#fixedSize) return;
    if (this.#intervalDays > 0) this.#requestTick(this.#env.now);
    else this.#evaluate();
  }

  #dispatch(): void {
    const q = this.#queue;
    let idle = this.#idle.length;
    let i = 0;
    while (i < q.length && idle > 0) {
      const job = q.at(i)!;
      const quota = this.options.quotas[job.request.tenant] ?? Number.POSITIVE_INFINITY;
      if (job.use.inUse + job.nodes > quota) {
        i++;
        continue;
      }
      if (job.nodes > idle) break;
      q.removeAt(i);
      this.#start(job);
      idle -= job.nodes;
    }
    this.queueLength.record(q.length);
  }

  #start(job: ClusterJob): void {
    const now = this.#env.now;
    if (!job.started) {
      job.started = true;
      this.waitHours.push((now - job.submittedAt) * HOURS_PER_DAY);
    }
    const onNodes = job.onNodes;
    // Most recently idle nodes first, so long-idle nodes reach their idle time and can be released.
    for (let k = 0; k < job.nodes; k++) {
      const node = this.#idle.pop()!;
      node.state = "busy";
      node.job = job;
      onNodes[k] = node;
    }
    const use = job.use;
    use.inUse += job.nodes;
    this.busy.record(this.busy.current + job.nodes);
    const tenantBusy = use.busy ?? this.#tenantBusy(job.request.tenant, use);
    tenantBusy.record(tenantBusy.current + job.nodes);
    job.finishHandle = this.#env.reschedule(job.finishHandle, hoursToDays(job.request.runHours), job.finish);
    if (this.options.trace !== undefined) this.#trace(`start ${job.request.label} nodes=${job.nodes}`);
  }

  /** A new job record (its fields are set by `submit`). */
  #newJob(): ClusterJob {
    const job: ClusterJob = {
      seq: 0,
      priority: 0,
      request: undefined as unknown as JobRequest,
      use: undefined as unknown as TenantUse,
      nodes: 0,
      submittedAt: 0,
      started: false,
      evictions: 0,
      event: undefined as unknown as SimEvent<JobOutcome>,
      onNodes: [],
      finishHandle: null,
      finish: noFinish,
    };
    // this runs only a few times per replication, so stored straight, the closure was allocated old for the first
    // few hundred replications of a process
    job.finish = youngClosure(() => this.#finish(job));
    return job;
  }

  /** The record of `tenant`, created at its first job. */
  #useOf(tenant: string): TenantUse {
    let use = this.#useByTenant.get(tenant);
    if (use === undefined) {
      use = { inUse: 0, busy: undefined };
      this.#useByTenant.set(tenant, use);
    }
    return use;
  }

  /** The busy-node account of `tenant`, created (and kept in `use`) when its first job starts. */
  #tenantBusy(tenant: string, use: TenantUse): TimeWeighted {
    let t = this.busyByTenant.get(tenant);
    if (t === undefined) {
      t = new TimeWeighted(this.#env, 0);
      this.busyByTenant.set(tenant, t);
    }
    use.busy = t;
    return t;
  }

  #release(job: ClusterJob): void {
    const now = this.#env.now;
    const onNodes = job.onNodes;
    for (let k = 0; k < job.nodes; k++) {
      const node = onNodes[k]!;
      if (node.state === "busy") {
        node.state = "idle";
        node.idleSince = now;
        node.job = undefined;
        this.#idle.push(node);
      }
    }
    const use = job.use;
    use.inUse -= job.nodes;
    this.busy.record(this.busy.current - job.nodes);
    const tenantBusy = use.busy!;
    tenantBusy.record(tenantBusy.current - job.nodes);
  }

  #finish(job: ClusterJob): void {
    this.#release(job);
    this.totals.jobsCompleted++;
    const now = this.#env.now;
    if (this.options.trace !== undefined) this.#trace(`finish ${job.request.label}`);
    job.event.succeed({
      waitHours: Math.max(0, (now - job.submittedAt) * HOURS_PER_DAY - job.request.runHours),
      runHours: job.request.runHours,
      evictions: job.evictions,
    });
    // nothing refers to the record any more: no node, no queue, its finish has run
    this.#freeJobs.push(job);
    this.#changed();
  }

  #addNode(ready: boolean): ClusterNode {
    const now = this.#env.now;
    const node: ClusterNode = {
      id: this.#nextNodeId++,
      state: ready ? "idle" : "provisioning",
      requestedAt: now,
      idleSince: now,
      job: undefined,
      readyHandle: undefined,
      evictionHandle: undefined,
    };
    this.#nodes.push(node);
    if (ready) this.#idle.push(node);
    else this.allocated.record(this.#nodes.length);
    if (!ready) node.readyHandle = this.#env.schedule(this.#provisionDays, () => this.#ready(node));
    const o = this.options;
    if (o.lowPriority && o.evictionRatePerNodeHour > 0) {
      const lifetimeHours = exponentialGap(o.evictionSource!, o.evictionRatePerNodeHour);
      node.evictionHandle = this.#env.schedule(hoursToDays(lifetimeHours), () => this.#evict(node));
    }
    return node;
  }

  #ready(node: ClusterNode): void {
    node.readyHandle = undefined;
    node.state = "idle";
    node.idleSince = this.#env.now;
    this.#idle.push(node);
    if (this.options.trace !== undefined) this.#trace(`ready node-${node.id}`);
    this.#changed();
  }

  #removeNode(node: ClusterNode): void {
    removeFrom(this.#nodes, node);
    if (node.state === "idle") removeFrom(this.#idle, node);
    if (node.readyHandle !== undefined) this.#env.cancel(node.readyHandle);
    if (node.evictionHandle !== undefined) this.#env.cancel(node.evictionHandle);
    node.readyHandle = undefined;
    node.evictionHandle = undefined;
    this.allocated.record(this.#nodes.length);
  }

  #evict(node: ClusterNode): void {
    node.evictionHandle = undefined;
    this.totals.evictions++;
    const job = node.job;
    if (this.options.trace !== undefined)
      this.#trace(`evict node-${node.id}${job ? ` (${job.request.label} restarts)` : ""}`);
    if (job !== undefined) {
      // a job on a node runs: its finish is pending
      this.#env.cancel(job.finishHandle!);
      job.evictions++;
      this.#release(job);
      this.#enqueue(job);
    }
    this.#removeNode(node);
    this.#changed();
  }

  /** Wake the scaler at the first grid point at or after `atLeast` (not before now). */
  #requestTick(atLeast: number): void {
    const grid = Math.ceil(atLeast / this.#intervalDays - EPS) * this.#intervalDays;
    this.#scheduleWake(Math.max(grid, this.#env.now));
  }

  /** Wake the scaler at `at` (on the grid when it evaluates on one). */
  #wakeAtTime(at: number): void {
    if (this.#intervalDays > 0) this.#requestTick(at);
    else this.#scheduleWake(at);
  }

  /** The one wake-up tail: wake the scaler at `at` unless a wake-up at most as late is pending. */
  #scheduleWake(at: number): void {
    if (this.#wakeAt <= at + EPS) return;
    this.#cancelWake();
    this.#wakeAt = at;
    this.#wakeHandle = this.#env.reschedule(this.#wakeHandle, Math.max(0, at - this.#env.now), this.#onWake);
  }

  /** Cancel the pending wake-up, if any. */
  #cancelWake(): void {
    if (this.#wakeAt === Number.POSITIVE_INFINITY) return;
    this.#env.cancel(this.#wakeHandle!);
    this.#wakeAt = Number.POSITIVE_INFINITY;
  }

  /** Nodes the queued jobs need that their tenants' quotas allow now. */
  #pendingDemand(): number {
    if (this.#queue.length === 0) return 0;
    let noQuotas = true;
    for (const _ in this.options.quotas) {
      noQuotas = false;
      break;
    }
    if (noQuotas) {
      let total = 0;
      for (const job of this.#queue) total += job.nodes;
      return total;
    }
    const reserved = new Map<string, number>();
    for (const [tenant, use] of this.#useByTenant) reserved.set(tenant, use.inUse);
    let demand = 0;
    for (const job of this.#queue) {
      const tenant = job.request.tenant;
      const quota = this.options.quotas[tenant] ?? Number.POSITIVE_INFINITY;
      const used = reserved.get(tenant) ?? 0;
      if (used + job.nodes > quota) continue;
      reserved.set(tenant, used + job.nodes);
      demand += job.nodes;
    }
    return demand;
  }

  #evaluate(): void {
    const now = this.#env.now;
    const o = this.options;
    const idle = this.#idle.length;
    const busy = this.busy.current;
    let provisioning = this.#nodes.length - idle - busy;
    if (this.#nodes.length < o.minNodes) {
      // Evictions can take a cluster below its minimum; replacements are not subject to the cooldown.
      const missing = o.minNodes - this.#nodes.length;
      for (let k = 0; k < missing; k++) this.#addNode(false);
      provisioning += missing;
    }
    const allocated = this.#nodes.length;
    const utilisation = allocated > 0 ? busy / allocated : 0;
    const demand = this.#pendingDemand();
    const deficit = demand - idle - provisioning;
    const hot = allocated > 0 && utilisation > o.scaleUpThreshold + EPS;
    if ((deficit > 0 || hot) && allocated < o.maxNodes) {
      const ready = this.#lastScaleUp + this.#upCooldownDays;
      if (now + EPS < ready) {
        this.#wakeAtTime(ready);
      } else {
        const headroom =
          hot && o.scaleUpThreshold > 0 ? Math.ceil(busy / o.scaleUpThreshold - EPS) - allocated : 0;
        const add = Math.min(o.maxNodes - allocated, Math.max(deficit, headroom));
        if (add > 0) {
          for (let k = 0; k < add; k++) this.#addNode(false);
          this.#lastScaleUp = now;
          this.totals.scaleUps++;
          if (this.options.trace !== undefined) this.#trace(`scale-up +${add} -> ${this.#nodes.length}`);
        }
      }
    }
    // Idle nodes waiting for the rest of a wide job's nodes are reserved, not idle capacity.
    if (this.#nodes.length <= o.minNodes || idle === 0 || demand > 0) return;
    if (
      o.scaleDownRule === "utilisationGate" &&
      utilisation >= o.scaleDownThreshold - EPS &&
      allocated > 0 &&
      busy > 0
    )
      return;
    // the idle list is in idle-since order, so the nodes past their idle time are a prefix of it
    const idleNodes = this.#idle;
    let eligible = 0;
    while (eligible < idleNodes.length && now + EPS >= idleNodes[eligible]!.idleSince + this.#idleDays)
      eligible++;
    const earliestIdleExpiry =
      eligible < idleNodes.length
        ? idleNodes[eligible]!.idleSince + this.#idleDays
        : Number.POSITIVE_INFINITY;
    if (eligible > 0) {
      const ready = this.#lastScaleDown + this.#downCooldownDays;
      if (now + EPS < ready) {
        this.#wakeAtTime(ready);
        return;
      }
      const releasable = Math.min(eligible, this.#nodes.length - o.minNodes);
      // the first `releasable` idle nodes: each removal takes the head of the idle list off
      for (let k = 0; k < releasable; k++) this.#removeNode(idleNodes[0]!);
      this.#lastScaleDown = now;
      this.totals.scaleDowns++;
      if (this.options.trace !== undefined) this.#trace(`scale-down -${releasable} -> ${this.#nodes.length}`);
      if (this.#nodes.length > o.minNodes) this.#evaluateLater();
      return;
    }
    if (earliestIdleExpiry < Number.POSITIVE_INFINITY) this.#wakeAtTime(earliestIdleExpiry);
  }

  #evaluateLater(): void {
    const oldest = this.#idle[0];
    if (oldest !== undefined)
      this.#wakeAtTime(
        Math.max(oldest.idleSince + this.#idleDays, this.#lastScaleDown + this.#downCooldownDays),
      );
  }

  /**
   * Adopt `options` from now on (a roadmap effect; platform-reconfiguration.ts): nodes, queued and running jobs
   * and the accounts stay. Queued jobs wider than the new max nodes or quota are narrowed (counted in
   * `totals.jobsClamped`); eviction lifetimes are redrawn when the eviction terms changed (exponential, so
   * memoryless); the scaler re-evaluates at once. Busy nodes above a lowered max stay until their jobs end.
   */
  reconfigure(options: ClusterOptions): void {
    const before = this.options;
    const evictable = (o: Readonly<ClusterOptions>) => o.lowPriority && o.evictionRatePerNodeHour > 0;
    if (evictable(options) && options.evictionSource === undefined)
      throw new TypeError("evictionSource is required for evictable low-priority nodes");
    this.options = options;
    this.#provisionDays = secondsToDays(options.provisioningSeconds);
    this.#idleDays = secondsToDays(options.idleSecondsBeforeScaledown);
    this.#upCooldownDays = secondsToDays(options.scaleUpCooldownSeconds);
    this.#downCooldownDays = secondsToDays(options.scaleDownCooldownSeconds);
    this.#intervalDays = secondsToDays(options.scalerIntervalSeconds);
    // a cluster made fixed but not at its size yet keeps its scaler (a shortcut lost, nothing more)
    this.#fixedSize =
      options.minNodes === options.maxNodes && !evictable(options) && this.#nodes.length === options.minNodes;
    for (const job of this.#queue) {
      const quota = options.quotas[job.request.tenant] ?? Number.POSITIVE_INFINITY;
      const cap = Math.max(1, Math.min(options.maxNodes, quota));
      if (job.nodes > cap) {
        job.nodes = cap;
        this.totals.jobsClamped++;
      }
    }
    if (
      evictable(before) !== evictable(options) ||
      before.evictionRatePerNodeHour !== options.evictionRatePerNodeHour
    )
      for (const node of this.#nodes) {
        if (node.evictionHandle !== undefined) this.#env.cancel(node.evictionHandle);
        node.evictionHandle = undefined;
        if (evictable(options)) {
          const hours = exponentialGap(options.evictionSource!, options.evictionRatePerNodeHour);
          node.evictionHandle = this.#env.schedule(hoursToDays(hours), () => this.#evict(node));
        }
      }
    this.#cancelWake();
    this.#changed();
  }

  #trace(line: string): void {
    const trace = this.options.trace;
    if (trace !== undefined) trace(`${(this.#env.now * HOURS_PER_DAY).toFixed(4)}h ${this.name} ${line}`);
  }
}

/** Remove the first occurrence of `item` from `list`, shifting the rest down (no array allocated, as splice does). */
function removeFrom<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i < 0) return;
  for (let k = i + 1; k < list.length; k++) list[k - 1] = list[k]!;
  list.pop(); // not `length--`: setting the length is a runtime call
}
