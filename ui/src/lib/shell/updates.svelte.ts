// What the app knows about a newer version of itself (the shell checks its server at
// start and daily); shared by the update banner and the "Update needed" notice.

import { backend, errorMessage, type UpdateStatus } from "../backend";
import { onUpdateAvailable } from "../backend/events";
import { stoppable } from "./listening";

class Updates {
  status: UpdateStatus | null = $state(null);
  installing = $state(false);
  checking = $state(false);
  /** A failure of the IPC itself (the shell's own answers carry `status.error`). */
  failure: string | null = $state(null);

  /** Reads the shell's state now and whenever it finds a newer version. */
  start(): () => void {
    void this.refresh();
    return stoppable(onUpdateAvailable(() => void this.refresh()));
  }

  async refresh() {
    try {
      this.status = await backend.updateStatus();
    } catch (e) {
      this.failure = errorMessage(e);
    }
  }

  /** Asks the server now (the "Update needed" notice does, at once). */
  check(): Promise<void> {
    return this.#ask("checking", () => backend.checkForUpdate());
  }

  /** Downloads, verifies and installs the offered version; the app restarts when done. */
  install(): Promise<void> {
    return this.#ask("installing", () => backend.installUpdate());
  }

  async #ask(busy: "checking" | "installing", call: () => Promise<UpdateStatus>) {
    this[busy] = true;
    try {
      this.status = await call();
      this.failure = null;
    } catch (e) {
      this.failure = errorMessage(e);
    } finally {
      this[busy] = false;
    }
  }
}

export const updates = new Updates();
