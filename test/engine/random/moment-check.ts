/**
 * Statistical acceptance checks shared by the distribution tests.
 *
 * Mean: |xbar - mu| <= 4 sigma / sqrt(n), with mu and sigma^2 the exact moments. Under the CLT a correct
 * sampler fails this with probability 6.3e-5 per check.
 * Variance: |s^2 - sigma^2| <= 4 SE(s^2), SE(s^2) = sqrt((m4 - s^4 (n - 3) / (n - 1)) / n), the standard error
 * of the sample variance (e.g. Kendall's Advanced Theory of Statistics, vol. 1, 10.5), with the fourth central
 * moment m4 estimated from the same sample, so no kurtosis formula is needed per distribution.
 * Seeds are literal, so each check is deterministic: a pass stays a pass, and the 4-SE width only says that a
 * correct sampler was very unlikely to be rejected when the seed was chosen.
 */

/** Sample moments of `n` draws. */
export interface SampleMoments {
  n: number;
  mean: number;
  variance: number;
  fourthCentral: number;
}

export function sampleMoments(draw: () => number, n: number): SampleMoments {
  const xs = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    xs[i] = x;
    sum += x;
  }
  const mean = sum / n;
  let m2 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m4 += d2 * d2;
  }
  return { n, mean, variance: m2 / (n - 1), fourthCentral: m4 / n };
}

/** Outcome of comparing sample moments with exact ones; `ok` is false when either is outside 4 SE. */
export interface MomentVerdict {
  ok: boolean;
  meanZ: number;
  varianceZ: number;
  detail: string;
}

export function judgeMoments(sample: SampleMoments, mean: number, variance: number): MomentVerdict {
  const { n } = sample;
  const meanSe = Math.sqrt(variance / n);
  const s2 = sample.variance;
  const varianceSe = Math.sqrt(Math.max(0, sample.fourthCentral - (s2 * s2 * (n - 3)) / (n - 1)) / n);
  const meanZ = meanSe === 0 ? (sample.mean === mean ? 0 : Infinity) : (sample.mean - mean) / meanSe;
  const varianceZ = varianceSe === 0 ? (s2 === variance ? 0 : Infinity) : (s2 - variance) / varianceSe;
  const ok = Math.abs(meanZ) <= 4 && Math.abs(varianceZ) <= 4;
  const detail = `mean ${sample.mean} vs ${mean} (z=${meanZ.toFixed(2)}), variance ${s2} vs ${variance} (z=${varianceZ.toFixed(2)})`;
  return { ok, meanZ, varianceZ, detail };
}

/**
 * Chi-square goodness of fit of integer draws against `pmf`, bins with expected count < 5 pooled into the
 * neighbouring tail bins. Returns the statistic and the 0.1% critical value (Wilson-Hilferty approximation of
 * the chi-square quantile: df (1 - 2/(9 df) + z sqrt(2/(9 df)))^3, z = 3.0902).
 */
export function chiSquare(
  draw: () => number,
  n: number,
  pmf: (k: number) => number,
  low: number,
  high: number,
) {
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = draw();
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // pool: [low-tail] bins ... [high-tail]; outside [low, high] goes into the tails
  const bins: { expected: number; observed: number }[] = [];
  let pendingExpected = 0;
  let pendingObserved = 0;
  let belowLow = 0;
  let aboveHigh = 0;
  let expectedInside = 0;
  for (const [k, c] of counts) {
    if (k < low) belowLow += c;
    if (k > high) aboveHigh += c;
  }
  for (let k = low; k <= high; k++) {
    const expected = n * pmf(k);
    expectedInside += expected;
    pendingExpected += expected;
    pendingObserved += (counts.get(k) ?? 0) + (k === low ? belowLow : 0);
    if (pendingExpected >= 5) {
      bins.push({ expected: pendingExpected, observed: pendingObserved });
      pendingExpected = 0;
      pendingObserved = 0;
    }
  }
  const outside = n - expectedInside;
  pendingExpected += Math.max(0, outside);
  pendingObserved += aboveHigh;
  if (bins.length > 0) {
    const lastBin = bins[bins.length - 1]!;
    lastBin.expected += pendingExpected;
    lastBin.observed += pendingObserved;
  }
  let statistic = 0;
  for (const { expected, observed } of bins)
    statistic += ((observed - expected) * (observed - expected)) / expected;
  const df = bins.length - 1;
  const z = 3.0902;
  const critical = df * (1 - 2 / (9 * df) + z * Math.sqrt(2 / (9 * df))) ** 3;
  return { statistic, critical, df };
}

/**
 * Kolmogorov-Smirnov distance between draws and a continuous CDF, with the 0.1% asymptotic critical value
 * 1.9495 / sqrt(n) (Kolmogorov distribution quantile).
 */
export function kolmogorovSmirnov(draw: () => number, n: number, cdf: (x: number) => number) {
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = draw();
  xs.sort();
  let distance = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    distance = Math.max(distance, (i + 1) / n - f, f - i / n);
  }
  return { distance, critical: 1.9495 / Math.sqrt(n) };
}
