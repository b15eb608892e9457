/**
 * M/M/c queue formulas used for the serving latency approximation and for validating the compute cluster.
 *
 * Sources: A. K. Erlang (1917) loss/delay formulas, in the stable recursive form for Erlang B
 * (B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1))) and C = B / (1 - rho (1 - B)); Gross, Shortle, Thompson &
 * Harris, "Fundamentals of Queueing Theory" (4th ed.), §2.3: P(Wq > t) = C e^{-(c mu - lambda) t}, and
 * the response time T = Wq + S with S ~ Exp(mu) (hypoexponential tail for the waiting part).
 */

/**
 * Probability that an arrival waits in an M/M/c queue (Erlang C) with `servers` servers and offered load
 * `offered = lambda / mu` erlangs. Returns 1 when the queue is unstable (offered >= servers).
 * @throws RangeError when servers is not a positive integer or offered < 0
 */
export function erlangC(servers: number, offered: number): number {
  if (!(Number.isInteger(servers) && servers > 0))
    throw new RangeError(`servers must be a positive integer, got ${servers}`);
  if (!(offered >= 0)) throw new RangeError(`offered must be >= 0, got ${offered}`);
  if (offered >= servers) return 1;
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offered * b) / (k + offered * b);
  const rho = offered / servers;
  return b / (1 - rho * (1 - b));
}

/** Mean wait in queue of M/M/c (time unit of 1/mu): C / (c mu - lambda); Infinity when unstable. */
export function mmcMeanWait(servers: number, arrivalRate: number, serviceRate: number): number {
  if (!(serviceRate > 0)) throw new RangeError(`serviceRate must be > 0, got ${serviceRate}`);
  const offered = arrivalRate / serviceRate;
  if (offered >= servers) return Number.POSITIVE_INFINITY;
  return erlangC(servers, offered) / (servers * serviceRate - arrivalRate);
}

/** P(T > t) for the M/M/c response time T = Wq + S (FCFS), t >= 0. */
export function mmcResponseTail(
  servers: number,
  arrivalRate: number,
  serviceRate: number,
  t: number,
): number {
  if (t <= 0) return 1;
  const offered = arrivalRate / serviceRate;
  if (offered >= servers) return 1;
  return responseTail(erlangC(servers, offered), servers * serviceRate - arrivalRate, serviceRate, t);
}

function responseTail(c: number, theta: number, mu: number, t: number): number {
  if (t <= 0) return 1;
  const service = Math.exp(-mu * t);
  const convolved =
    Math.abs(theta - mu) < 1e-12 * mu
      ? (1 + mu * t) * Math.exp(-mu * t)
      : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
  return (1 - c) * service + c * convolved;
}

/**
 * The q-quantile of a mixture of M/M/c response times where a share `shiftedShare` of requests also waits
 * `shift` (a cold model load), found by bisection to a relative precision of 1e-5. Same time unit as
 * 1/serviceRate; Infinity when unstable.
 */
export function mmcResponseQuantile(
  servers: number,
  arrivalRate: number,
  serviceRate: number,
  q: number,
  shift = 0,
  shiftedShare = 0,
): number {
  if (!(q > 0 && q < 1)) throw new RangeError(`q must be in (0, 1), got ${q}`);
  const offered = arrivalRate / serviceRate;
  if (offered >= servers) return Number.POSITIVE_INFINITY;
  const c = erlangC(servers, offered);
  const theta = servers * serviceRate - arrivalRate;
  const tail = (t: number) =>
    (1 - shiftedShare) * responseTail(c, theta, serviceRate, t) +
    shiftedShare * responseTail(c, theta, serviceRate, t - shift);
  let lo = 0;
  let hi = shift + 1 / serviceRate;
  while (tail(hi) > 1 - q) hi *= 2;
  while (hi - lo > 1e-5 * hi) {
    const mid = (lo + hi) / 2;
    if (tail(mid) > 1 - q) lo = mid;
    else hi = mid;
  }
  return hi;
}
