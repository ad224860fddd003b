// The activity log as read from the server: newest first, a page of 100 at a time. It is
// a server-only read (the replica does not keep the log), so it is read when the page
// opens and on Refresh, not polled; offline it fails and the page says so.

import { now } from "../clock";
import { backend, toBackendError, type AuditEntry, type BackendError } from "../backend";

/** Entries the server sends per page; a full page means older ones may follow. */
export const PAGE_SIZE = 100;

export class AuditLog {
  /** Every entry read so far, newest first; a raw list replaced whole. */
  entries: AuditEntry[] = $state.raw([]);
  /** A first page has been read. */
  loaded = $state(false);
  /** When the newest entries were last read. */
  readAt: Date | null = $state(null);
  loading = $state(false);
  /** Why the last read of the newest entries failed; cleared by the next success. */
  error: BackendError | null = $state(null);
  /** The last page read was full: older entries may exist. */
  hasMore = $state(false);
  loadingMore = $state(false);
  moreError: BackendError | null = $state(null);

  /** Only entries at or after this instant (ISO 8601), read from the server; null for all. */
  since: string | null = $state(null);

  /** Bumped by every read of the newest entries, so a late "older" page is dropped. */
  #generation = 0;

  /** Reads the newest entries; older pages already read stay when the new page meets them. */
  async load(): Promise<void> {
    const generation = ++this.#generation;
    this.loading = true;
    this.error = null;
    try {
      const page = await backend.auditLog({ before: null, since: this.since });
      if (generation !== this.#generation) return;
      const top = this.entries[0];
      if (top && page.some((e) => e.id === top.id)) {
        // The new page overlaps what is shown: put the newer entries on top, keep the rest.
        this.entries = [...page.filter((e) => e.id > top.id), ...this.entries];
      } else {
        this.entries = page;
        this.hasMore = page.length === PAGE_SIZE;
      }
      this.loaded = true;
      this.readAt = now();
      this.moreError = null;
    } catch (e) {
      if (generation === this.#generation) this.error = toBackendError(e);
    } finally {
      if (generation === this.#generation) this.loading = false;
    }
  }

  /** Shows only entries from `since` on (null for all): read again from the newest. */
  async from(since: string | null): Promise<void> {
    if (since === this.since) return;
    this.since = since;
    this.entries = [];
    this.hasMore = false;
    await this.load();
  }

  /** Reads the page before the oldest entry shown. */
  async loadOlder(): Promise<void> {
    const last = this.entries.at(-1);
    if (!last || !this.hasMore || this.loadingMore) return;
    const generation = this.#generation;
    this.loadingMore = true;
    this.moreError = null;
    try {
      const page = await backend.auditLog({ before: last.id, since: this.since });
      if (generation !== this.#generation) return;
      const seen = new Set(this.entries.map((e) => e.id));
      this.entries = [...this.entries, ...page.filter((e) => !seen.has(e.id))];
      this.hasMore = page.length === PAGE_SIZE;
    } catch (e) {
      if (generation === this.#generation) this.moreError = toBackendError(e);
    } finally {
      this.loadingMore = false;
    }
  }
}
