/**
 * The Mersenne Twister MT19937 (Matsumoto & Nishimura 1998), as numpy's legacy `RandomState`
 * runs it: 32-bit arithmetic done with `Math.imul` and `>>> 0`, so every output is bit-identical
 * to numpy's `_bit_generator.random_raw()` for the same seed.
 */

const STATE_SIZE = 624;
const SHIFT_SIZE = 397;
const MATRIX_A = 0x9908b0df;
const UPPER_MASK = 0x80000000;
const LOWER_MASK = 0x7fffffff;

export class MT19937 {
  readonly #key = new Uint32Array(STATE_SIZE);
  #position = STATE_SIZE;

  /**
   * Seeds with the classic `init_genrand(seed)`, which is what numpy's `RandomState(seed)` does
   * for an integer seed (`mt19937_seed` in numpy/random/src/mt19937/mt19937.c).
   */
  constructor(seed: number) {
    const key = this.#key;
    key[0] = seed >>> 0;
    for (let i = 1; i < STATE_SIZE; i++) {
      const previous = key[i - 1] as number;
      key[i] = (Math.imul(1812433253, previous ^ (previous >>> 30)) + i) >>> 0;
    }
    // The first draw regenerates the whole state, as in numpy.
    this.#position = STATE_SIZE;
  }

  /** Next 32-bit output (numpy's `next_uint32`, i.e. `genrand_int32`). */
  nextUint32(): number {
    if (this.#position >= STATE_SIZE) this.#regenerate();
    let y = this.#key[this.#position++] as number;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** The 624 state words and the read position, like numpy's `get_state()[1:3]`. */
  getState(): { key: number[]; position: number } {
    return { key: Array.from(this.#key), position: this.#position };
  }

  #regenerate(): void {
    const key = this.#key;
    for (let i = 0; i < STATE_SIZE; i++) {
      const y = ((key[i] as number) & UPPER_MASK) | ((key[(i + 1) % STATE_SIZE] as number) & LOWER_MASK);
      key[i] = (key[(i + SHIFT_SIZE) % STATE_SIZE] as number) ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.#position = 0;
  }
}
