/**
 * Closed-form steady-state results used to validate the kernel.
 *
 * - M/M/1: L = rho / (1 - rho), Wq = rho / (mu - lambda) (L. Kleinrock, Queueing Systems, Vol. 1: Theory,
 *   Wiley 1975, section 3.2).
 * - M/M/c, Erlang C: with offered load a = lambda / mu and rho = a / c < 1,
 *   P(wait) = C(c, a) = (a^c / c!) / (1 - rho) / (sum_{k=0}^{c-1} a^k / k! + (a^c / c!) / (1 - rho)),
 *   Wq = C(c, a) / (c mu - lambda) (D. Gross, J. F. Shortle, J. M. Thompson, C. M. Harris, Fundamentals of
 *   Queueing Theory, 4th ed., Wiley 2008, section 2.3, eqs. 2.30-2.32).
 * - M/G/1, Pollaczek-Khinchine: Wq = lambda E[S^2] / (2 (1 - rho)); for M/D/1 with service time d,
 *   Wq = rho d / (2 (1 - rho)) (Kleinrock 1975, section 5.6; Gross et al. 2008, section 5.1.1).
 * - Little's law: L = lambda W (J. D. C. Little, "A proof for the queuing formula L = lambda W",
 *   Operations Research 9(3), 1961).
 */

/** Offered load per server rho = lambda / (c mu). */
export function utilisation(arrivalRate: number, serviceRate: number, servers: number): number {
  return arrivalRate / (servers * serviceRate);
}

/** M/M/1 mean number in system L = rho / (1 - rho). */
export function mm1NumberInSystem(arrivalRate: number, serviceRate: number): number {
  const rho = arrivalRate / serviceRate;
  return rho / (1 - rho);
}

/** M/M/1 mean wait in queue Wq = rho / (mu - lambda). */
export function mm1WaitInQueue(arrivalRate: number, serviceRate: number): number {
  return arrivalRate / serviceRate / (serviceRate - arrivalRate);
}

/** Erlang C: probability that an arrival to an M/M/c queue waits. */
export function erlangC(arrivalRate: number, serviceRate: number, servers: number): number {
  const a = arrivalRate / serviceRate;
  const rho = a / servers;
  if (!(rho < 1)) throw new RangeError(`erlangC requires rho < 1, got ${rho}`);
  let term = 1;
  let sum = 0;
  for (let k = 0; k < servers; k++) {
    sum += term;
    term *= a / (k + 1);
  }
  const tail = term / (1 - rho);
  return tail / (sum + tail);
}

/** M/M/c mean wait in queue Wq = C(c, a) / (c mu - lambda). */
export function mmcWaitInQueue(arrivalRate: number, serviceRate: number, servers: number): number {
  return erlangC(arrivalRate, serviceRate, servers) / (servers * serviceRate - arrivalRate);
}

/** M/G/1 mean wait in queue by Pollaczek-Khinchine from the service time's first two moments. */
export function pollaczekKhinchineWait(
  arrivalRate: number,
  serviceMean: number,
  serviceSecondMoment: number,
): number {
  const rho = arrivalRate * serviceMean;
  if (!(rho < 1)) throw new RangeError(`pollaczekKhinchineWait requires rho < 1, got ${rho}`);
  return (arrivalRate * serviceSecondMoment) / (2 * (1 - rho));
}
