// The partner's Resellers data (pending requests, linked resellers, latest notifications)
// read from the local replica. Re-read every two seconds while the window is visible
// (every ten while hidden), at once when it shows again, and after every action; an
// action's own answer is shown at once.

import { backend, toBackendError, type BackendError, type ResellersView } from "../backend";

export const POLL_MS = 2000;
/** While the window is hidden, only every this many ticks reads. */
const HIDDEN_EVERY = 5;

export class ResellersFeed {
  /** The last view read; a raw snapshot replaced whole. */
  view: ResellersView | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);
  /** Ticks with every read so relative times ("2 min ago") stay fresh. */
  now: Date = $state(new Date());

  #timer: ReturnType<typeof setInterval> | undefined;
  #stopped = true;
  #inFlight = false;
  #again = false;
  /** Bumped by every action; a read started before it may miss the action and is dropped. */
  #epoch = 0;

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
    // Never pile reads up behind a slow one; read once more when it ends.
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    this.#inFlight = true;
    const epoch = this.#epoch;
    try {
      const view = await backend.resellers();
      if (epoch !== this.#epoch) {
        this.#again = true;
      } else {
        this.view = view;
        this.loadError = null;
      }
    } catch (e) {
      if (epoch === this.#epoch) this.loadError = toBackendError(e);
    } finally {
      this.#inFlight = false;
      this.now = new Date();
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    }
  }

  /** Shows an action's answer at once, then reads again. */
  apply(view: ResellersView): void {
    this.#epoch++;
    this.view = view;
    this.loadError = null;
    void this.refresh();
  }
}
