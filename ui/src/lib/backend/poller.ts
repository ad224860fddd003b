// Keeping a view fresh from the local replica, the one way every page does it: read at
// once, every two seconds while the window is visible (every ten while hidden, e.g. closed
// to the tray), at once when it shows again, and after every action. Reads never pile up
// behind a slow one, and a read that started before an action (or before the query
// changed) is dropped and made again.

import { toBackendError, type BackendError } from "./index";

export const POLL_MS = 2000;
/** While the window is hidden, only every this many ticks reads. */
const HIDDEN_EVERY = 5;

/** What a page reads and what it does with the answer. */
export interface PollTarget<T> {
  read(): Promise<T>;
  /** A current answer; return `true` to read again at once (e.g. the page moved). */
  accept(value: T): boolean | void;
  fail(error: BackendError): void;
  /** Identifies what is being read (e.g. the query); a changed key makes an answer stale. */
  key?(): string;
  /** After every read, answered or not (e.g. to tick relative times). */
  after?(): void;
}

export class Poller<T> {
  #timer: ReturnType<typeof setInterval> | undefined;
  #stopped = false;
  #inFlight = false;
  #again = false;
  /** Bumped by every action; a read started before it may miss the action. */
  #epoch = 0;
  readonly #target: PollTarget<T>;

  constructor(target: PollTarget<T>) {
    this.#target = target;
  }

  /** Starts polling; returns the function that stops it (for `$effect` cleanup). */
  start(): () => void {
    this.#stopped = false;
    void this.refresh();
    let tick = 0;
    this.#timer = setInterval(() => {
      tick++;
      if (document.visibilityState !== "hidden" || tick % HIDDEN_EVERY === 0) void this.refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void this.refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      this.#stopped = true;
      clearInterval(this.#timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }

  async refresh(): Promise<void> {
    if (this.#stopped) return;
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    this.#inFlight = true;
    const epoch = this.#epoch;
    const key = this.#target.key?.();
    const current = () => epoch === this.#epoch && key === this.#target.key?.();
    try {
      const value = await this.#target.read();
      if (!current() || this.#target.accept(value) === true) this.#again = true;
    } catch (e) {
      if (current()) this.#target.fail(toBackendError(e));
    } finally {
      this.#inFlight = false;
      this.#target.after?.();
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    }
  }

  /** After an action: drop reads that started before it and read again at once. */
  changed(): void {
    this.#epoch++;
    void this.refresh();
  }
}
