// The signed-in app's live state: the dashboard read from the local replica, read again
// whenever the core announces any change (the dashboard shows a bit of everything) and
// after every action, plus "sync now".

import { setClockAhead } from "../clock";
import { backend, toBackendError, type Dashboard, type SyncStatus } from "../backend";
import { Feed } from "../backend/live.svelte";
import type { Area } from "../backend/bindings/Area";

/** The dashboard shows something of every area. */
const EVERY_AREA: readonly Area[] = [
  "session", "sync", "profile", "billing", "dealers", "subscribers",
  "resellers", "settings", "content", "notifications", "time",
];

export class Workspace extends Feed<Dashboard> {
  syncing = $state(false);
  /** What the core had to say about the OS keychain; shown until the user closes it. */
  keychainNotice: string | null = $state(null);

  constructor() {
    const heard = { notice: (_: string) => {} };
    super(async () => {
      const dashboard = await backend.dashboard();
      setClockAhead(dashboard.clock_ahead_ms);
      // The core says the keychain notice once: keep it even from an answer that is then
      // dropped as stale.
      if (dashboard.keychain_notice) heard.notice(dashboard.keychain_notice);
      return dashboard;
    }, EVERY_AREA);
    heard.notice = (notice) => (this.keychainNotice = notice);
  }

  /** The last dashboard read; replaced whole, never mutated. */
  get dashboard(): Dashboard | null {
    return this.view;
  }

  /** Shows an action's result (the whole dashboard) at once, then reads again. */
  override apply(dashboard: Dashboard): void {
    setClockAhead(dashboard.clock_ahead_ms);
    if (dashboard.keychain_notice) this.keychainNotice = dashboard.keychain_notice;
    super.apply(dashboard);
  }

  /** Shows a fresh sync status at once, then reads the whole dashboard again. */
  applySync(sync: SyncStatus): void {
    if (this.view) this.view = { ...this.view, sync };
    this.changed();
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
