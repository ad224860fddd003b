// My Dealers' live state: the query (search, status filter, sort, page) and the page of
// rows read for it from the local replica. Read again whenever the core announces a change
// to dealers (or sync state, or a new minute) and after every action; a re-read keeps the
// query exactly as the user left it.

import {
  backend,
  type BackendError,
  type DealerPage,
  type DealerQuery,
  type DealerSort,
  type DealerState,
} from "../backend";

import { LiveRead } from "../backend/live.svelte";

export const PAGE_SIZE = 50;

function keyOf(q: DealerQuery): string {
  return JSON.stringify(q);
}

export class DealerList {
  /** The applied search text (the box's text, debounced). */
  search = $state("");
  status: DealerState | null = $state(null);
  sort: DealerSort = $state("name");
  descending = $state(false);
  /** 0-based. */
  pageIndex = $state(0);

  /** The last page read for the current query; a raw snapshot replaced whole. */
  page: DealerPage | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);

  #live = new LiveRead<DealerPage>({
    areas: ["dealers", "sync", "time"],
    read: () => backend.listDealers(this.query),
    key: () => keyOf(this.query),
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

  get query(): DealerQuery {
    return {
      search: this.search.trim(),
      status: this.status,
      sort: this.sort,
      descending: this.descending,
      page: this.pageIndex,
      page_size: PAGE_SIZE,
    };
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

  setSearch(text: string): void {
    if (text.trim() === this.search.trim()) return;
    this.search = text;
    this.pageIndex = 0;
    void this.refresh();
  }

  setStatus(status: DealerState | null): void {
    if (status === this.status) return;
    this.status = status;
    this.pageIndex = 0;
    void this.refresh();
  }

  /** A click on a column header: the same column flips the order, another starts ascending. */
  sortBy(column: DealerSort): void {
    if (this.sort === column) {
      this.descending = !this.descending;
    } else {
      this.sort = column;
      this.descending = false;
    }
    this.pageIndex = 0;
    void this.refresh();
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
}
