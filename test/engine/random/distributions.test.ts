import { describe, expect, it } from "vitest";
import {
  bernoulli,
  beta,
  binomial,
  categorical,
  constant,
  createStream,
  empirical,
  exponential,
  gamma,
  geometric,
  logGamma,
  lognormal,
  normal,
  pert,
  poisson,
  type RandomSource,
  triangular,
  uniform,
  weibull,
  weightedChoice,
  zipf,
  zipfWeights,
} from "../../../engine/random/index.ts";
import { chiSquare, judgeMoments, kolmogorovSmirnov, sampleMoments } from "./moment-check.ts";

// Every case: 100 000 draws from a literal seed; tolerance 4 standard errors (see moment-check.ts).
const N = 100_000;
const SEED = 20_261_124;

const gammaFn = (x: number) => Math.exp(logGamma(x));
const weightMoments = (values: number[], weights: number[]) => {
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = values.reduce((a, v, i) => a + (v * weights[i]!) / total, 0);
  const variance = values.reduce((a, v, i) => a + ((v - mean) ** 2 * weights[i]!) / total, 0);
  return { mean, variance };
};
const zipfMoments = (n: number, s: number) => {
  const ranks = Array.from({ length: n }, (_, i) => i + 1);
  return weightMoments(ranks, zipfWeights(n, s));
};
const lnMu = 0.5;
const lnSigma = 0.6;
const cat = weightMoments([0, 1, 2, 3, 4], [1, 2, 3, 0, 4]);
const choice = weightMoments([10, 20, 40], [1, 1, 2]);
const data = [3, 5, 5, 8, 13];
const dataStats = weightMoments(data, [1, 1, 1, 1, 1]);
const zipf10 = zipfMoments(10, 1);
const zipf1000 = zipfMoments(1000, 1.2);
const zipfFlat = zipfMoments(5, 0);

type Case = [name: string, make: (s: RandomSource) => () => number, mean: number, variance: number];
const cases: Case[] = [
  ["uniform(2, 5)", (s) => uniform(s, 2, 5), 3.5, 0.75],
  ["uniform(-1, 1)", (s) => uniform(s, -1, 1), 0, 1 / 3],
  ["exponential(0.5)", (s) => exponential(s, 0.5), 2, 4],
  ["exponential(20)", (s) => exponential(s, 20), 0.05, 0.0025],
  ["normal(10, 3)", (s) => normal(s, 10, 3), 10, 9],
  ["normal(-2, 0.1)", (s) => normal(s, -2, 0.1), -2, 0.01],
  ["lognormal{mean 10, sd 4}", (s) => lognormal(s, { mean: 10, sd: 4 }), 10, 16],
  [
    "lognormal{mu 0.5, sigma 0.6}",
    (s) => lognormal(s, { mu: lnMu, sigma: lnSigma }),
    Math.exp(lnMu + lnSigma ** 2 / 2),
    Math.expm1(lnSigma ** 2) * Math.exp(2 * lnMu + lnSigma ** 2),
  ],
  ["triangular(2, 4, 10)", (s) => triangular(s, 2, 4, 10), 16 / 3, 52 / 18],
  ["triangular(0, 0, 1)", (s) => triangular(s, 0, 0, 1), 1 / 3, 1 / 18],
  ["pert(2, 4, 12)", (s) => pert(s, 2, 4, 12), 5, 3],
  ["pert(0, 9, 10, lambda 2)", (s) => pert(s, 0, 9, 10, 2), 28 / 4, (7 * 3) / 5],
  ["beta(2, 5)", (s) => beta(s, 2, 5), 2 / 7, 10 / (49 * 8)],
  ["beta(0.5, 0.5)", (s) => beta(s, 0.5, 0.5), 0.5, 0.25 / 2],
  ["gamma(3, 2)", (s) => gamma(s, 3, 2), 6, 12],
  ["gamma(0.5, 2) (boost)", (s) => gamma(s, 0.5, 2), 1, 2],
  ["gamma(0.2, 1) (boost)", (s) => gamma(s, 0.2, 1), 0.2, 0.2],
  ["gamma(40, 0.25)", (s) => gamma(s, 40, 0.25), 10, 2.5],
  [
    "weibull(1.5, 100)",
    (s) => weibull(s, 1.5, 100),
    100 * gammaFn(1 + 1 / 1.5),
    10_000 * (gammaFn(1 + 2 / 1.5) - gammaFn(1 + 1 / 1.5) ** 2),
  ],
  ["weibull(0.8, 2)", (s) => weibull(s, 0.8, 2), 2 * gammaFn(2.25), 4 * (gammaFn(3.5) - gammaFn(2.25) ** 2)],
  ["poisson(3) (Knuth)", (s) => poisson(s, 3), 3, 3],
  ["poisson(9.5) (Knuth)", (s) => poisson(s, 9.5), 9.5, 9.5],
  ["poisson(10) (PTRS)", (s) => poisson(s, 10), 10, 10],
  ["poisson(250) (PTRS)", (s) => poisson(s, 250), 250, 250],
  ["poisson(100000) (PTRS)", (s) => poisson(s, 100_000), 100_000, 100_000],
  ["bernoulli(0.3)", (s) => bernoulli(s, 0.3), 0.3, 0.21],
  ["binomial(20, 0.2) (inversion)", (s) => binomial(s, 20, 0.2), 4, 3.2],
  ["binomial(100, 0.95) (mirrored inversion)", (s) => binomial(s, 100, 0.95), 95, 4.75],
  ["binomial(60, 0.5) (BTPE)", (s) => binomial(s, 60, 0.5), 30, 15],
  ["binomial(1000, 0.3) (BTPE)", (s) => binomial(s, 1000, 0.3), 300, 210],
  ["binomial(1000000, 0.8) (mirrored BTPE)", (s) => binomial(s, 1_000_000, 0.8), 800_000, 160_000],
  ["geometric(0.25)", (s) => geometric(s, 0.25), 4, 12],
  ["geometric(0.9)", (s) => geometric(s, 0.9), 1 / 0.9, 0.1 / 0.81],
  ["geometric(0.001)", (s) => geometric(s, 0.001), 1000, 0.999 / 1e-6],
  ["categorical([1,2,3,0,4])", (s) => categorical(s, [1, 2, 3, 0, 4]), cat.mean, cat.variance],
  [
    "weightedChoice([10,20,40],[1,1,2])",
    (s) => weightedChoice(s, [10, 20, 40], [1, 1, 2]),
    choice.mean,
    choice.variance,
  ],
  ["empirical([3,5,5,8,13])", (s) => empirical(s, data), dataStats.mean, dataStats.variance],
  ["zipf(10, 1)", (s) => zipf(s, 10, 1), zipf10.mean, zipf10.variance],
  ["zipf(1000, 1.2)", (s) => zipf(s, 1000, 1.2), zipf1000.mean, zipf1000.variance],
  ["zipf(5, 0) (uniform ranks)", (s) => zipf(s, 5, 0), zipfFlat.mean, zipfFlat.variance],
];

describe("distribution moments (n = 100 000, within 4 standard errors)", () => {
  it.each(cases)("%s", (name, make, mean, variance) => {
    const verdict = judgeMoments(sampleMoments(make(createStream(SEED, 0, name)), N), mean, variance);
    expect(verdict.ok, verdict.detail).toBe(true);
  });

  it("constant(7) always returns 7 and draws nothing", () => {
    const draw = constant(7);
    for (let i = 0; i < 1000; i++) expect(draw()).toBe(7);
  });

  it("the acceptance check rejects a 2% error in the mean and a 5% error in the variance", () => {
    // guards the guard: a sampler of the wrong distribution must fail the same test
    const shifted = judgeMoments(sampleMoments(exponential(createStream(SEED, 0, "neg"), 1 / 1.02), N), 1, 1);
    expect(shifted.ok).toBe(false);
    const wider = judgeMoments(
      sampleMoments(normal(createStream(SEED, 0, "neg"), 0, Math.sqrt(1.05)), N),
      0,
      1,
    );
    expect(wider.ok).toBe(false);
  });
});

const logPoissonPmf = (mean: number) => (k: number) => Math.exp(-mean + k * Math.log(mean) - logGamma(k + 1));
const binomialPmf = (n: number, p: number) => (k: number) =>
  Math.exp(
    logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p),
  );

describe("discrete shape (chi-square goodness of fit at the 0.1% level, n = 100 000)", () => {
  const fits: [string, (s: RandomSource) => () => number, (k: number) => number, number, number][] = [
    ["poisson(3)", (s) => poisson(s, 3), logPoissonPmf(3), 0, 20],
    ["poisson(42)", (s) => poisson(s, 42), logPoissonPmf(42), 0, 100],
    ["poisson(5000)", (s) => poisson(s, 5000), logPoissonPmf(5000), 0, 5400],
    ["binomial(20, 0.2)", (s) => binomial(s, 20, 0.2), binomialPmf(20, 0.2), 0, 20],
    ["binomial(1000, 0.3)", (s) => binomial(s, 1000, 0.3), binomialPmf(1000, 0.3), 0, 1000],
    ["binomial(200, 0.7)", (s) => binomial(s, 200, 0.7), binomialPmf(200, 0.7), 0, 200],
    ["binomial(100, 0.95)", (s) => binomial(s, 100, 0.95), binomialPmf(100, 0.95), 0, 100],
    ["geometric(0.3)", (s) => geometric(s, 0.3), (k) => 0.3 * 0.7 ** (k - 1), 1, 60],
    ["zipf(50, 1.1)", (s) => zipf(s, 50, 1.1), (k) => zipfWeights(50, 1.1)[k - 1]!, 1, 50],
    ["categorical([5,1,0,3])", (s) => categorical(s, [5, 1, 0, 3]), (k) => [5, 1, 0, 3][k]! / 9, 0, 3],
  ];
  it.each(fits)("%s", (name, make, pmf, low, high) => {
    const { statistic, critical, df } = chiSquare(make(createStream(SEED, 1, name)), N, pmf, low, high);
    expect(df).toBeGreaterThan(0);
    expect(statistic, `chi2=${statistic} df=${df}`).toBeLessThan(critical);
  });

  it("a zero weight is never drawn", () => {
    const draw = categorical(createStream(SEED, 2, "zero"), [5, 0, 3]);
    for (let i = 0; i < 10_000; i++) expect(draw()).not.toBe(1);
  });
});

/** I_x(a, b) for integer a, b: P(Binomial(a + b - 1, x) >= a). */
const integerBetaCdf = (a: number, b: number, x: number) => {
  const n = a + b - 1;
  let total = 0;
  for (let j = a; j <= n; j++) total += binomialPmf(n, x)(j);
  return x <= 0 ? 0 : x >= 1 ? 1 : total;
};

describe("continuous shape (Kolmogorov-Smirnov at the 0.1% level, n = 100 000)", () => {
  const fits: [string, (s: RandomSource) => () => number, (x: number) => number][] = [
    ["uniform(2, 5)", (s) => uniform(s, 2, 5), (x) => (x - 2) / 3],
    ["exponential(0.5)", (s) => exponential(s, 0.5), (x) => 1 - Math.exp(-0.5 * x)],
    ["weibull(1.5, 100)", (s) => weibull(s, 1.5, 100), (x) => 1 - Math.exp(-((x / 100) ** 1.5))],
    [
      "triangular(2, 4, 10)",
      (s) => triangular(s, 2, 4, 10),
      (x) => (x <= 4 ? (x - 2) ** 2 / (8 * 2) : 1 - (10 - x) ** 2 / (8 * 6)),
    ],
    // gamma(1, 2) is Exponential(mean 2); beta(1, 3) has CDF 1 - (1 - x)^3
    ["gamma(1, 2)", (s) => gamma(s, 1, 2), (x) => 1 - Math.exp(-x / 2)],
    ["beta(1, 3)", (s) => beta(s, 1, 3), (x) => 1 - (1 - x) ** 3],
    // Cheng BB path (both shapes > 1), including the swapped branch (alpha > beta)
    ["beta(2, 2)", (s) => beta(s, 2, 2), (x) => 3 * x * x - 2 * x ** 3],
    ["beta(2, 5)", (s) => beta(s, 2, 5), (x) => integerBetaCdf(2, 5, x)],
    ["beta(5, 2)", (s) => beta(s, 5, 2), (x) => integerBetaCdf(5, 2, x)],
    ["beta(0.5, 0.5) (arcsine)", (s) => beta(s, 0.5, 0.5), (x) => (2 / Math.PI) * Math.asin(Math.sqrt(x))],
  ];
  it.each(fits)("%s", (name, make, cdf) => {
    const { distance, critical } = kolmogorovSmirnov(make(createStream(SEED, 3, name)), N, cdf);
    expect(distance).toBeLessThan(critical);
  });
});

describe("support", () => {
  const source = createStream(SEED, 4, "support");
  it("draws stay inside the support", () => {
    const t = triangular(source, 2, 4, 10);
    const p = pert(source, 2, 4, 12);
    const b = binomial(source, 1000, 0.3);
    const z = zipf(source, 7, 2);
    const e = empirical(source, data);
    const outside: string[] = [];
    for (let i = 0; i < 20_000; i++) {
      const x = t();
      if (!(x >= 2 && x <= 10)) outside.push(`triangular ${x}`);
      const y = p();
      if (!(y >= 2 && y <= 12)) outside.push(`pert ${y}`);
      const k = b();
      if (!(Number.isInteger(k) && k >= 0 && k <= 1000)) outside.push(`binomial ${k}`);
      const r = z();
      if (!(Number.isInteger(r) && r >= 1 && r <= 7)) outside.push(`zipf ${r}`);
      const d = e();
      if (!data.includes(d)) outside.push(`empirical ${d}`);
    }
    expect(outside).toEqual([]);
  });

  it("degenerate parameters give constants", () => {
    expect(uniform(source, 3, 3)()).toBe(3);
    expect(triangular(source, 3, 3, 3)()).toBe(3);
    expect(pert(source, 3, 3, 3)()).toBe(3);
    expect(poisson(source, 0)()).toBe(0);
    expect(binomial(source, 0, 0.5)()).toBe(0);
    expect(binomial(source, 9, 0)()).toBe(0);
    expect(binomial(source, 9, 1)()).toBe(9);
    expect(geometric(source, 1)()).toBe(1);
    expect(bernoulli(source, 0)()).toBe(0);
    expect(bernoulli(source, 1)()).toBe(1);
    expect(normal(source, 4, 0)()).toBe(4);
  });
});

describe("zipfWeights and logGamma", () => {
  it("zipfWeights(3, 1) is 6/11, 3/11, 2/11 and sums to 1", () => {
    const w = zipfWeights(3, 1);
    expect(w[0]).toBeCloseTo(6 / 11, 15);
    expect(w[1]).toBeCloseTo(3 / 11, 15);
    expect(w[2]).toBeCloseTo(2 / 11, 15);
    expect(zipfWeights(10_000, 0.9).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("logGamma matches factorials and Gamma(1/2) = sqrt(pi)", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(0.1)).toBeCloseTo(2.252712651734206, 12);
    let logFactorial = 0;
    for (let k = 2; k <= 170; k++) logFactorial += Math.log(k);
    expect(Math.abs(logGamma(171) / logFactorial - 1)).toBeLessThan(1e-13);
  });
});
