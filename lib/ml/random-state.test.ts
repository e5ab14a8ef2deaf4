import { describe, expect, it } from "vitest";

import { InvalidInputError } from "../data";

import { MT19937 } from "./mt19937";
import { RandomState } from "./random-state";
import { splitFixture } from "./test-support/fixtures";

const reference = splitFixture.mt19937;

describe("MT19937", () => {
  it("seeds the state like numpy's init_genrand", () => {
    const { key, position } = new MT19937(reference.seed).getState();
    expect(key.slice(0, 5)).toEqual(reference.state_after_seeding_first_5_words);
    expect(position).toBe(reference.state_after_seeding_pos);
  });

  it("produces numpy's first raw outputs", () => {
    const generator = new MT19937(reference.seed);
    const outputs = Array.from({ length: 10 }, () => generator.nextUint32());
    expect(outputs).toEqual(reference.first_10_uint32_outputs);
  });

  it("regenerates the state correctly past the first 624 outputs", () => {
    // Reference from the MT19937 authors' mt19937ar.out (init_genrand(5489) variant): the
    // 10000th output for the default seed 5489 is 4123659995 (C++ std::mt19937 conformance).
    const generator = new MT19937(5489);
    let output = 0;
    for (let i = 0; i < 10000; i++) output = generator.nextUint32();
    expect(output).toBe(4123659995);
  });
});

describe("RandomState", () => {
  it("draws numpy's random_sample", () => {
    const rng = new RandomState(reference.seed);
    expect(Array.from({ length: 5 }, () => rng.randomSample())).toEqual(reference.random_sample_first_5);
  });

  it("draws numpy's legacy randint", () => {
    const rng = new RandomState(reference.seed);
    expect(Array.from({ length: 10 }, () => rng.randint(0, 2 ** 31 - 1))).toEqual(
      reference.randint_0_2pow31m1_first_10,
    );
  });

  it("reproduces numpy's permutation exactly", () => {
    expect(new RandomState(reference.seed).permutation(splitFixture.n_samples)).toEqual(reference.permutation);
  });

  it("draws each Fisher-Yates position like numpy's random_interval", () => {
    // randint(0, i + 1) and shuffle's step i share the same masked rejection sampling.
    const rng = new RandomState(reference.seed);
    for (const step of reference.fisher_yates_first_steps) {
      expect(rng.randint(0, step.i + 1)).toBe(step.j);
    }
  });

  it("consumes as many 32-bit draws as numpy during the permutation", () => {
    const rng = new RandomState(reference.seed);
    rng.permutation(splitFixture.n_samples);
    const fresh = new MT19937(reference.seed);
    for (let i = 0; i < reference.fisher_yates_total_uint32_draws; i++) fresh.nextUint32();
    expect(rng.nextUint32()).toBe(fresh.nextUint32());
  });

  it("gives the same permutation for the same seed and a different one for another seed", () => {
    expect(new RandomState(7).permutation(50)).toEqual(new RandomState(7).permutation(50));
    expect(new RandomState(7).permutation(50)).not.toEqual(new RandomState(8).permutation(50));
    expect(new RandomState().permutation(20).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it("rejects seeds numpy rejects", () => {
    for (const seed of [-1, 1.5, 2 ** 32, Number.NaN]) {
      expect(() => new RandomState(seed)).toThrow(InvalidInputError);
    }
    expect(() => new RandomState(2 ** 32 - 1)).not.toThrow();
    expect(() => new RandomState(-1)).toThrow(/entier entre 0 et 2\*\*32 - 1/);
  });
});
