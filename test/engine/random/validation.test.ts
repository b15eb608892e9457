import { describe, expect, it } from "vitest";
import {
  bernoulli,
  beta,
  binomial,
  categorical,
  constant,
  empirical,
  exponential,
  gamma,
  geometric,
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

// Construction must not draw: a source that throws proves parameters are checked without sampling.
const noDraw: RandomSource = () => {
  throw new Error("drew at construction");
};
const s = noDraw;

const invalid: [string, () => unknown, string][] = [
  ["uniform min > max", () => uniform(s, 5, 2), "uniform: min must be <= max, got min=5, max=2"],
  ["uniform NaN", () => uniform(s, Number.NaN, 2), "uniform: min must be a finite number, got NaN"],
  [
    "uniform infinite max",
    () => uniform(s, 0, Infinity),
    "uniform: max must be a finite number, got Infinity",
  ],
  [
    "uniform range overflows",
    () => uniform(s, -1e308, 1e308),
    "uniform: max - min must be a finite number, got Infinity",
  ],
  ["exponential rate 0", () => exponential(s, 0), "exponential: rate must be > 0, got 0"],
  ["exponential rate -3", () => exponential(s, -3), "exponential: rate must be > 0, got -3"],
  ["normal sd < 0", () => normal(s, 0, -1), "normal: sd must be >= 0, got -1"],
  ["normal mean NaN", () => normal(s, Number.NaN, 1), "normal: mean must be a finite number, got NaN"],
  ["lognormal mean 0", () => lognormal(s, { mean: 0, sd: 1 }), "lognormal: mean must be > 0, got 0"],
  ["lognormal sd < 0", () => lognormal(s, { mean: 1, sd: -1 }), "lognormal: sd must be >= 0, got -1"],
  ["lognormal sigma < 0", () => lognormal(s, { mu: 0, sigma: -2 }), "lognormal: sigma must be >= 0, got -2"],
  [
    "triangular mode < min",
    () => triangular(s, 2, 1, 3),
    "triangular: min must be <= mode, got min=2, mode=1",
  ],
  [
    "triangular mode > max",
    () => triangular(s, 0, 4, 3),
    "triangular: mode must be <= max, got mode=4, max=3",
  ],
  ["pert mode > max", () => pert(s, 0, 4, 3), "pert: mode must be <= max, got mode=4, max=3"],
  ["pert lambda 0", () => pert(s, 0, 1, 3, 0), "pert: lambda must be > 0, got 0"],
  ["beta alpha 0", () => beta(s, 0, 1), "beta: alpha must be > 0, got 0"],
  ["beta beta -1", () => beta(s, 1, -1), "beta: beta must be > 0, got -1"],
  ["gamma shape 0", () => gamma(s, 0, 1), "gamma: shape must be > 0, got 0"],
  ["gamma scale -1", () => gamma(s, 1, -1), "gamma: scale must be > 0, got -1"],
  ["weibull shape -1", () => weibull(s, -1, 1), "weibull: shape must be > 0, got -1"],
  ["weibull scale 0", () => weibull(s, 1, 0), "weibull: scale must be > 0, got 0"],
  ["poisson mean -1", () => poisson(s, -1), "poisson: mean must be >= 0, got -1"],
  [
    "poisson mean Infinity",
    () => poisson(s, Infinity),
    "poisson: mean must be a finite number, got Infinity",
  ],
  ["bernoulli p 1.5", () => bernoulli(s, 1.5), "bernoulli: p must be in [0, 1], got 1.5"],
  ["binomial n 2.5", () => binomial(s, 2.5, 0.5), "binomial: n must be an integer >= 0, got 2.5"],
  ["binomial n -1", () => binomial(s, -1, 0.5), "binomial: n must be an integer >= 0, got -1"],
  ["binomial p -0.1", () => binomial(s, 3, -0.1), "binomial: p must be in [0, 1], got -0.1"],
  ["geometric p 0", () => geometric(s, 0), "geometric: p must be > 0, got 0"],
  ["geometric p 2", () => geometric(s, 2), "geometric: p must be in [0, 1], got 2"],
  ["categorical empty", () => categorical(s, []), "categorical: weights must be a non-empty array, got []"],
  ["categorical negative", () => categorical(s, [1, -2]), "categorical: weights[1] must be >= 0, got -2"],
  [
    "categorical zero sum",
    () => categorical(s, [0, 0]),
    "categorical: weights must have a finite positive sum, got 0",
  ],
  [
    "weightedChoice length mismatch",
    () => weightedChoice(s, ["a"], [1, 2]),
    "weightedChoice: items and weights must be arrays of equal length, got 1 items and 2 weights",
  ],
  ["empirical empty", () => empirical(s, []), "empirical: data must be a non-empty array of numbers, got []"],
  [
    "empirical NaN",
    () => empirical(s, [1, Number.NaN]),
    "empirical: data[1] must be a finite number, got NaN",
  ],
  ["constant NaN", () => constant(Number.NaN), "constant: value must be a finite number, got NaN"],
  ["zipf n 0", () => zipf(s, 0, 1), "zipf: n must be an integer >= 1, got 0"],
  ["zipf s -1", () => zipf(s, 10, -1), "zipf: s must be >= 0, got -1"],
  ["zipfWeights n 1.5", () => zipfWeights(1.5, 1), "zipfWeights: n must be an integer >= 1, got 1.5"],
];

describe("parameter validation at construction", () => {
  it.each(invalid)("%s throws a RangeError naming argument and value", (_name, build, message) => {
    expect(build).toThrow(RangeError);
    expect(build).toThrow(message);
  });

  it("there is no default source: a missing source is a TypeError", () => {
    const missing = undefined as unknown as RandomSource;
    expect(() => uniform(missing, 0, 1)).toThrow(TypeError);
    expect(() => exponential(missing, 1)).toThrow(
      "exponential: source must be a RandomSource function, got undefined",
    );
    expect(() => normal(missing, 0, 1)).toThrow(TypeError);
    expect(() => zipf(missing, 3, 1)).toThrow(TypeError);
  });

  it("valid construction draws nothing (parameters checked once, sampling is deferred)", () => {
    const built = [
      uniform(s, 0, 1),
      exponential(s, 1),
      normal(s, 0, 1),
      lognormal(s, { mean: 1, sd: 1 }),
      lognormal(s, { mu: 0, sigma: 1 }),
      triangular(s, 0, 1, 2),
      pert(s, 0, 1, 2),
      beta(s, 1, 2),
      gamma(s, 0.5, 1),
      weibull(s, 2, 1),
      poisson(s, 3),
      poisson(s, 30),
      bernoulli(s, 0.5),
      binomial(s, 10, 0.5),
      binomial(s, 1000, 0.5),
      geometric(s, 0.5),
      categorical(s, [1, 2]),
      weightedChoice(s, ["a", "b"], [1, 2]),
      empirical(s, [1, 2]),
      zipf(s, 10, 1),
    ];
    for (const draw of built) expect(draw).toThrow("drew at construction");
  });

  it("empirical and weightedChoice copy their inputs", () => {
    const data = [1, 1, 1];
    const items = ["x", "x"];
    const counter = (() => {
      let i = 0;
      return () => (i++ % 10) / 10;
    })();
    const e = empirical(counter, data);
    const w = weightedChoice(counter, items, [1, 1]);
    data[0] = data[1] = data[2] = 99;
    items[0] = items[1] = "changed";
    for (let i = 0; i < 10; i++) {
      expect(e()).toBe(1);
      expect(w()).toBe("x");
    }
  });
});
