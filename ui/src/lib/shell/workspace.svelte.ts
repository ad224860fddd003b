// The signed-in app's live state: the dashboard read from the local replica, refreshed
// every two seconds while shown and after every action, plus "sync now".

import { backend, toBackendError, type BackendError, type Dashboard, type SyncStatus } from "../backend";

export const POLL_MS = 2000;

export class Workspace {
  dashboard: Dashboard | null = $state(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);
  syncing = $state(false);
  /** Ticks every poll so relative times ("2 min ago") stay fresh. */
  now: Date = $state(new Date());

  #timer: ReturnType<typeof setInterval> | undefined;
  #inFlight = false;

  /** Starts polling; returns the function that stops it (for `$effect` cleanup). */
  start(): () => void {
    void this.refresh();
    this.#timer = setInterval(() => void this.refresh(), POLL_MS);
    return () => clearInterval(this.#timer);
  }

  async refresh(): Promise<void> {
    // A slow read must not pile up behind itself.
    if (this.#inFlight) return;
    this.#inFlight = true;
    try {
      this.dashboard = await backend.dashboard();
      this.loadError = null;
    } catch (e) {
      this.loadError = toBackendError(e);
    } finally {
      this.#inFlight = false;
      this.now = new Date();
    }
  }

  /** Applies a result that already holds the whole dashboard (e.g. after a profile edit). */
  apply(dashboard: Dashboard): void {
    this.dashboard = dashboard;
    this.loadError = null;
  }

  /** Applies a fresh sync status without waiting for the next poll. */
  applySync(sync: SyncStatus): void {
    if (this.dashboard) this.dashboard = { ...this.dashboard, sync };
  }

  /** Pushes waiting edits and pulls the server's changes. Rejects with a BackendError. */
  async syncNow(): Promise<SyncStatus> {
    this.syncing = true;
    try {
      const status = await backend.syncNow();
      this.applySync(status);
      return status;
    } catch (e) {
      throw toBackendError(e);
    } finally {
      this.syncing = false;
      void this.refresh();
    }
  }
}
