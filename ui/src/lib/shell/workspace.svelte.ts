// The signed-in app's live state: the dashboard read from the local replica, refreshed
// every two seconds while shown and after every action, plus "sync now".

import { backend, toBackendError, type BackendError, type Dashboard, type SyncStatus } from "../backend";

export const POLL_MS = 2000;

export class Workspace {
  /** Replaced whole on every read, never mutated: a raw (not deeply reactive) snapshot. */
  dashboard: Dashboard | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);
  syncing = $state(false);
  /** Ticks with every read so relative times ("2 min ago") stay fresh. */
  now: Date = $state(new Date());

  #timer: ReturnType<typeof setInterval> | undefined;
  #stopped = false;
  #inFlight = false;
  #again = false;
  /** Bumped by every action's result; a read started before it is stale and dropped. */
  #epoch = 0;

  /** Starts polling; returns the function that stops it (for `$effect` cleanup). */
  start(): () => void {
    this.#stopped = false;
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), POLL_MS);
    return () => {
      this.#stopped = true;
      clearInterval(this.#timer);
    };
  }

  async refresh(): Promise<void> {
    if (this.#stopped) return;
    // Never pile reads up behind a slow one; remember to read once more when it ends.
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    this.#inFlight = true;
    const epoch = this.#epoch;
    try {
      const dashboard = await backend.dashboard();
      if (epoch === this.#epoch) {
        this.dashboard = dashboard;
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

  /** Shows an action's result (the whole dashboard) at once, then reads again. */
  apply(dashboard: Dashboard): void {
    this.#epoch++;
    this.dashboard = dashboard;
    this.loadError = null;
    void this.refresh();
  }

  /** Shows a fresh sync status at once, then reads the whole dashboard again. */
  applySync(sync: SyncStatus): void {
    this.#epoch++;
    if (this.dashboard) this.dashboard = { ...this.dashboard, sync };
    void this.refresh();
  }

  /** Pushes waiting edits and pulls the server's changes. Rejects with a BackendError. */
  async syncNow(): Promise<SyncStatus> {
    this.syncing = true;
    try {
      const status = await backend.syncNow();
      this.applySync(status);
      return status;
    } catch (e) {
      void this.refresh();
      throw toBackendError(e);
    } finally {
      this.syncing = false;
    }
  }
}
