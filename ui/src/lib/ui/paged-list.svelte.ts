// A paged table's live state: the query (search, filters, sort, page) and the page of rows
// read for it from the local replica, read again whenever the core announces a change to
// one of `areas` and after every action (a re-read keeps the query exactly as the user left
// it); Export CSV of what it shows and Discard of a refused edit. My Dealers and
// Subscribers add their filters to it.

import { t } from "../i18n.svelte";
import { toBackendError, type BackendError, type CsvExport, type RowProblem, type SyncStatus } from "../backend";
import type { Area } from "../backend/bindings/Area";
import { hintFor } from "../backend/hints";
import { LiveRead } from "../backend/live.svelte";
import { Discarding } from "./discarding.svelte";
import { toast } from "./toast.svelte";

export const PAGE_SIZE = 50;

/** The query fields every paged table shares; a table adds its filters. */
export interface PagedQuery<S> {
  search: string;
  sort: S;
  descending: boolean;
  page: number;
  page_size: number;
}

/** What a pager moves through. */
export interface Paging {
  readonly pageIndex: number;
  readonly page: { rows: unknown[]; total: number } | null;
  readonly hasPrev: boolean;
  readonly hasNext: boolean;
  prev(): void;
  next(): void;
}

export abstract class PagedList<P extends { rows: unknown[]; total: number }, S extends string, Q extends PagedQuery<S>> implements Paging {
  /** The applied search text (the box's text, debounced). */
  search = $state("");
  sort: S = $state() as S;
  descending = $state(false);
  /** 0-based. */
  pageIndex = $state(0);

  /** The last page read for the current query; a raw snapshot replaced whole. */
  page: P | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);

  readonly discarding = new Discarding();
  exporting = $state(false);

  #live: LiveRead<P>;
  #export: (query: Q) => Promise<CsvExport>;

  constructor(areas: readonly Area[], sort: S, read: (query: Q) => Promise<P>, exportCsv: (query: Q) => Promise<CsvExport>) {
    this.sort = sort;
    this.#export = exportCsv;
    this.#live = new LiveRead<P>({
      areas,
      read: () => read(this.query),
      key: () => JSON.stringify(this.query),
      accept: (page) => {
        if (page.rows.length === 0 && page.total > 0 && this.pageIndex > 0) {
          // The page emptied under us (rows deleted elsewhere): go to the last page there is.
          this.pageIndex = Math.max(0, Math.ceil(page.total / PAGE_SIZE) - 1);
          return true;
        }
        this.page = page;
        this.loadError = null;
        return false;
      },
      fail: (error) => {
        this.loadError = error;
      },
    });
  }

  /** The table's filters, added to the shared query fields. */
  protected abstract filters(): Omit<Q, keyof PagedQuery<S>>;

  get query(): Q {
    const shared: PagedQuery<S> = {
      search: this.search.trim(),
      sort: this.sort,
      descending: this.descending,
      page: this.pageIndex,
      page_size: PAGE_SIZE,
    };
    return { ...this.filters(), ...shared } as Q;
  }

  /** Starts reading; returns the function that stops it (for `$effect` cleanup). */
  start(): () => void {
    return this.#live.start();
  }

  refresh(): Promise<void> {
    return this.#live.refresh();
  }

  /** After an action: drop reads that started before it and read again at once. */
  changed(): void {
    this.#live.changed();
  }

  /** A new query starts at its first page. */
  protected requery(): void {
    this.pageIndex = 0;
    void this.refresh();
  }

  setSearch(text: string): void {
    if (text.trim() === this.search.trim()) return;
    this.search = text;
    this.requery();
  }

  /** A click on a column header: the same column flips the order, another starts ascending. */
  sortBy(column: S): void {
    if (this.sort === column) {
      this.descending = !this.descending;
    } else {
      this.sort = column;
      this.descending = false;
    }
    this.requery();
  }

  get hasPrev(): boolean {
    return this.pageIndex > 0;
  }

  get hasNext(): boolean {
    return this.page !== null && (this.pageIndex + 1) * PAGE_SIZE < this.page.total;
  }

  prev(): void {
    if (!this.hasPrev) return;
    this.pageIndex--;
    void this.refresh();
  }

  next(): void {
    if (!this.hasNext) return;
    this.pageIndex++;
    void this.refresh();
  }

  /** Exactly what the table shows, all pages, to a CSV file. */
  async exportCsv(): Promise<void> {
    if (this.exporting) return;
    this.exporting = true;
    try {
      const file = await this.#export(this.query);
      toast("success", t("exported-rows", { count: file.rows }), file.path);
    } catch (e) {
      const error = toBackendError(e);
      toast("error", error.message, hintFor(error.code) ?? t("export-failed-hint"));
    } finally {
      this.exporting = false;
    }
  }

  /** Drops a row's refused edit; the row shows the server's version again. */
  discard(row: { id: string; problem: RowProblem | null }, name: string, onsync: (sync: SyncStatus) => void): Promise<void> {
    const said =
      row.problem?.code === "version_conflict"
        ? t("discarded-conflict", { name })
        : t("discarded-refused", { name });
    return this.discarding.discard(row.id, row.problem, (sync) => (onsync(sync), this.changed()), said);
  }
}
