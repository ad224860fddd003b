// The signed-in app's live state: the dashboard read from the local replica, read again
// whenever the core announces any change (the dashboard shows a bit of everything) and
// after every action, plus "sync now".

import { now, setClockAhead } from "../clock";
import { backend, toBackendError, type BackendError, type Dashboard, type SyncStatus } from "../backend";
import { LiveRead } from "../backend/live.svelte";
import type { Area } from "../backend/bindings/Area";

/** The dashboard shows something of every area. */
const EVERY_AREA: readonly Area[] = [
  "session", "sync", "profile", "billing", "dealers", "subscribers",
  "resellers", "settings", "content", "notifications", "time",
];

export class Workspace {
  /** Replaced whole on every read, never mutated: a raw (not deeply reactive) snapshot. */
  dashboard: Dashboard | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);
  syncing = $state(false);
  /** What the core had to say about the OS keychain; shown until the user closes it. */
  keychainNotice: string | null = $state(null);
  /** Ticks with every read so relative times ("2 min ago") stay fresh. */
  now: Date = $state(now());

  #live = new LiveRead<Dashboard>({
    areas: EVERY_AREA,
    read: async () => {
      const dashboard = await backend.dashboard();
      // The core says the keychain notice once: keep it even from an answer that is then
      // dropped as stale.
      if (dashboard.keychain_notice) this.keychainNotice = dashboard.keychain_notice;
      return dashboard;
    },
    accept: (dashboard) => {
      setClockAhead(dashboard.clock_ahead_ms);
      this.dashboard = dashboard;
      this.loadError = null;
      this.now = now();
    },
    fail: (error) => {
      this.loadError = error;
      this.now = now();
    },
  });

  /** Starts reading; returns the function that stops it (for `$effect` cleanup). */
  start(): () => void {
    return this.#live.start();
  }

  refresh(): Promise<void> {
    return this.#live.refresh();
  }

  /** Shows an action's result (the whole dashboard) at once, then reads again. */
  apply(dashboard: Dashboard): void {
    setClockAhead(dashboard.clock_ahead_ms);
    if (dashboard.keychain_notice) this.keychainNotice = dashboard.keychain_notice;
    this.dashboard = dashboard;
    this.loadError = null;
    this.#live.changed();
  }

  /** Shows a fresh sync status at once, then reads the whole dashboard again. */
  applySync(sync: SyncStatus): void {
    if (this.dashboard) this.dashboard = { ...this.dashboard, sync };
    this.#live.changed();
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
