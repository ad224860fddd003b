// What the app knows about a newer version of itself (the shell checks its server at
// start and daily); shared by the update banner and the "Update needed" notice.

import { backend, errorMessage, type UpdateStatus } from "../backend";
import { onUpdateAvailable } from "../backend/events";

class Updates {
  status: UpdateStatus | null = $state(null);
  installing = $state(false);
  checking = $state(false);
  /** A failure of the IPC itself (the shell's own answers carry `status.error`). */
  failure: string | null = $state(null);

  /** Reads the shell's state now and whenever it finds a newer version. */
  start(): () => void {
    void this.refresh();
    let stop: (() => void) | undefined;
    let stopped = false;
    void onUpdateAvailable(() => void this.refresh()).then((unlisten) => {
      if (stopped) unlisten();
      else stop = unlisten;
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }

  async refresh() {
    try {
      this.status = await backend.updateStatus();
    } catch (e) {
      this.failure = errorMessage(e);
    }
  }

  /** Asks the server now (the "Update needed" notice does, at once). */
  async check() {
    this.checking = true;
    try {
      this.status = await backend.checkForUpdate();
      this.failure = null;
    } catch (e) {
      this.failure = errorMessage(e);
    } finally {
      this.checking = false;
    }
  }

  /** Downloads, verifies and installs the offered version; the app restarts when done. */
  async install() {
    this.installing = true;
    try {
      this.status = await backend.installUpdate();
      this.failure = null;
    } catch (e) {
      this.failure = errorMessage(e);
    } finally {
      this.installing = false;
    }
  }
}

export const updates = new Updates();
