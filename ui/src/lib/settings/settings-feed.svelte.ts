// Settings → Reseller services read from the local replica, with a queued edit laid over
// it. Re-read every two seconds while the window is visible (every ten while hidden), at
// once when it shows again, and after every action; an action's own answer is shown at once.

import { backend, type BackendError, type ResellerSettingsView } from "../backend";
import { Poller } from "../backend/poller";

export class SettingsFeed {
  /** The last view read; a raw snapshot replaced whole. */
  view: ResellerSettingsView | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);

  #poller = new Poller<ResellerSettingsView>({
    read: () => backend.resellerSettings(),
    accept: (view) => {
      this.view = view;
      this.loadError = null;
    },
    fail: (error) => {
      this.loadError = error;
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
  apply(view: ResellerSettingsView): void {
    this.view = view;
    this.loadError = null;
    this.#poller.changed();
  }

  /** After an action without a view of its own (e.g. Discard): read again at once. */
  changed(): void {
    this.#poller.changed();
  }
}
