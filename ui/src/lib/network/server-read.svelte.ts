// A read that only the server can answer (the partner directory, a partner's content):
// made on demand, never polled. A newer read makes an older one's answer stale, so a slow
// answer for the previous partner never replaces the current one.

import { untrack } from "svelte";
import { toBackendError, type BackendError } from "../backend";

export class ServerRead<T> {
  /** The last answer; kept when a later read fails, so the page can show it as stale. */
  value: T | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  error: BackendError | null = $state(null);
  loading = $state(false);
  #seq = 0;

  /** Reads with `read`; the answer (or failure) lands only if no newer read started. */
  async load(read: () => Promise<T>): Promise<void> {
    const seq = ++this.#seq;
    this.loading = true;
    try {
      const value = await read();
      if (seq !== this.#seq) return;
      this.value = value;
      this.error = null;
    } catch (e) {
      if (seq !== this.#seq) return;
      this.error = toBackendError(e);
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }

  /** Forgets everything, and any read still on its way. */
  clear(): void {
    this.#seq++;
    this.value = null;
    this.error = null;
    this.loading = false;
  }
}

/**
 * Back online after a failed read: read again without waiting for the user. Call while a
 * component is set up; `failed` says whether the last read failed (and none is on its way).
 */
export function rereadWhenBackOnline(online: () => boolean, failed: () => boolean, reread: () => unknown): void {
  let wasOnline = untrack(online);
  $effect(() => {
    const now = online();
    untrack(() => {
      if (now && !wasOnline && failed()) void reread();
      wasOnline = now;
    });
  });
}
