// The reseller's Requests data (its requests, linked partners and latest notifications)
// read from the local replica, so it works offline. Re-read every two seconds while the
// window is visible (every ten while hidden), at once when it shows again, and after
// every action; an action's own answer is shown at once.

import { now } from "../clock";
import { backend, type BackendError, type RequestsView } from "../backend";
import { Poller } from "../backend/poller";

export class RequestsFeed {
  /** The last view read; a raw snapshot replaced whole. */
  view: RequestsView | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);
  /** Ticks with every read so relative times ("2 min ago") stay fresh. */
  now: Date = $state(now());

  #poller = new Poller<RequestsView>({
    read: () => backend.myRequests(),
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
  apply(view: RequestsView): void {
    this.view = view;
    this.loadError = null;
    this.#poller.changed();
  }

  /** After an action that answered something else (e.g. a discard): reads again at once. */
  changed(): void {
    this.#poller.changed();
  }
}
