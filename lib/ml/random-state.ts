import { InvalidInputError } from "../data/errors";

import { MT19937 } from "./mt19937";

const MAX_SEED = 0xffffffff;

/**
 * Un générateur de nombres aléatoires identique à `numpy.random.RandomState` : avec la même
 * graine, il tire exactement les mêmes nombres que numpy, donc scikit-learn et ce kit
 * mélangent les lignes de la même façon (`randomState: 42` ⇔ `random_state=42`).
 *
 * @example
 * const rng = new RandomState(42);
 * rng.permutation(5); // les mêmes 5 positions que np.random.RandomState(42).permutation(5)
 */
export class RandomState {
  readonly #generator: MT19937;

  /**
   * @param seed Graine : un entier entre 0 et 2**32 - 1. Sans graine, le générateur part d'une
   *   graine tirée au hasard, et les résultats changent à chaque exécution.
   * @throws {InvalidInputError} si la graine n'est pas un entier de cet intervalle.
   */
  constructor(seed?: number) {
    this.#generator = new MT19937(seed === undefined ? randomSeed() : checkSeed(seed));
  }

  /** Un entier de 32 bits tiré uniformément (numpy : `random_raw()`). */
  nextUint32(): number {
    return this.#generator.nextUint32();
  }

  /**
   * Un nombre à virgule tiré uniformément dans [0, 1) avec 53 bits de précision
   * (numpy : `random_sample()`).
   */
  randomSample(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864.0 + low) / 9007199254740992.0;
  }

  /**
   * Un entier tiré uniformément dans [low, high) (numpy : `randint(low, high)`).
   * @throws {InvalidInputError} si les bornes ne sont pas des entiers avec low < high ≤ low + 2**32.
   */
  randint(low: number, high: number): number {
    if (!Number.isSafeInteger(low) || !Number.isSafeInteger(high) || high <= low || high - low > 2 ** 32) {
      throw new InvalidInputError(
        `randint(low, high) attend deux entiers avec low < high et high - low ≤ 2**32 (reçu : ${low}, ${high}).`,
      );
    }
    return low + this.#boundedUint32(high - low - 1);
  }

  /**
   * Les entiers 0, 1, …, n - 1 dans un ordre aléatoire (numpy : `permutation(n)`).
   * C'est ce que fait `trainTestSplit` pour choisir les lignes de test.
   */
  permutation(n: number): number[] {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InvalidInputError(`permutation(n) attend un entier positif ou nul (reçu : ${n}).`);
    }
    return this.shuffle(Array.from({ length: n }, (_, i) => i));
  }

  /** Mélange le tableau sur place et le renvoie (numpy : `shuffle(array)`). */
  shuffle<T>(array: T[]): T[] {
    // numpy's legacy Fisher-Yates: walk down from the end, swap with a position drawn in [0, i].
    for (let i = array.length - 1; i > 0; i--) {
      const j = this.#boundedUint32(i);
      const item = array[i] as T;
      array[i] = array[j] as T;
      array[j] = item;
    }
    return array;
  }

  /**
   * A uniform integer in [0, max] for max < 2**32, drawn like numpy's legacy `random_interval`
   * and `randint`: mask the 32-bit draw down to the smallest 2^k - 1 covering max, and
   * draw again while the result exceeds max (rejection sampling, never a modulo).
   */
  #boundedUint32(max: number): number {
    if (max === 0) return 0;
    if (max === MAX_SEED) return this.nextUint32();
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }
}

/** Turns an option that may be a seed, a generator or nothing into a generator (sklearn's `check_random_state`). */
export function toRandomState(randomState: number | RandomState | undefined | null): RandomState {
  return randomState instanceof RandomState ? randomState : new RandomState(randomState ?? undefined);
}

function checkSeed(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InvalidInputError(`La graine (randomState) doit être un entier entre 0 et 2**32 - 1 (reçu : ${seed}).`);
  }
  return seed;
}

/** A fresh seed from the platform's cryptographic source (present in Node, browsers and workers). */
function randomSeed(): number {
  const word = new Uint32Array(1);
  globalThis.crypto.getRandomValues(word);
  return word[0] as number;
}
