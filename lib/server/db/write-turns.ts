/**
 * Turns at SQLite's one writer, taken by the server thread's transactions one at a time, in
 * order of arrival, with a bounded wait: under overload a write is refused quickly (the API
 * answers TEMPORARILY_UNAVAILABLE, 503) rather than queued until Prisma's transaction timeout
 * expires it (a 500, after 30 s). See docs/decisions/011.
 */

/** A write refused because the writer's queue is full or its turn did not come in time. */
export class DatabaseBusyError extends Error {
  override readonly name = "DatabaseBusyError";
}

export interface WriteTurnLimits {
  /** How many transactions may wait for their turn; one more is refused at once. */
  maxWaiting: number;
  /** How long a transaction may wait for its turn before it is refused (ms). */
  maxWaitMs: number;
}

interface Waiter {
  grant: (release: () => void) => void;
  refuse: (error: DatabaseBusyError) => void;
  timer: NodeJS.Timeout;
}

export class WriteTurns {
  readonly #waiting: Waiter[] = [];
  #held = false;

  constructor(private readonly limits: WriteTurnLimits) {}

  /** Resolves with the function that ends the turn (call it exactly once). */
  acquire(): Promise<() => void> {
    if (!this.#held) {
      this.#held = true;
      return Promise.resolve(this.#releaser());
    }
    if (this.#waiting.length >= this.limits.maxWaiting) {
      return Promise.reject(new DatabaseBusyError(`${this.#waiting.length} writes are already waiting for the database`));
    }
    return new Promise((grant, refuse) => {
      const waiter: Waiter = {
        grant,
        refuse,
        timer: setTimeout(() => {
          const index = this.#waiting.indexOf(waiter);
          if (index >= 0) this.#waiting.splice(index, 1);
          refuse(new DatabaseBusyError(`the database did not accept this write within ${this.limits.maxWaitMs} ms`));
        }, this.limits.maxWaitMs),
      };
      // A waiting write must not keep a script or a test alive on its own.
      waiter.timer.unref();
      this.#waiting.push(waiter);
    });
  }

  get waiting(): number {
    return this.#waiting.length;
  }

  #releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.#waiting.shift();
      if (!next) {
        this.#held = false;
        return;
      }
      clearTimeout(next.timer);
      next.grant(this.#releaser());
    };
  }
}
