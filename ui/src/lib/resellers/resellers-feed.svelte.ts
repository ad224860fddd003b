// The partner's Resellers data (pending requests, linked resellers, latest notifications)
// read from the local replica. Re-read every two seconds while the window is visible
// (every ten while hidden), at once when it shows again, and after every action; an
// action's own answer is shown at once.

import { now } from "../clock";
import { backend, type BackendError, type ResellersView } from "../backend";
import { Poller } from "../backend/poller";

export { POLL_MS } from "../backend/poller";

export class ResellersFeed {
  /** The last view read; a raw snapshot replaced whole. */
  view: ResellersView | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);
  /** Ticks with every read so relative times ("2 min ago") stay fresh. */
  now: Date = $state(now());

  #poller = new Poller<ResellersView>({
    read: () => backend.resellers(),
    accept: (view) => {
      this.view = view;
      this.loadError = null;
    },
    fail: (error) => {
      this.loadError = error;
    },
    after: () => {
      this.now = now();
    },
  });

  /** Starts polling; returns the function that stops it (for `$effect` cleanup). */
  start(): () => void {
    return this.#poller.start();
  }

  refresh(): Promise<void> {
    return this.#poller.refresh();
  }

  /** Shows an action's answer at once, then reads again. */
  apply(view: ResellersView): void {
    this.view = view;
    this.loadError = null;
    this.#poller.changed();
  }
}
