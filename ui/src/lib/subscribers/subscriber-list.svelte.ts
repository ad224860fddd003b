// The subscribers table's live state: the query (search, state filter, dealer filter, sort,
// page) and the page of rows read for it from the local replica, read again whenever the
// core announces a change to lines, dealers, billing or sync (and each new minute) and
// after every action. A re-read keeps the query exactly as the user left it.

import {
  backend,
  type BackendError,
  type DealerFilter,
  type LineView,
  type SubscriberPage,
  type SubscriberQuery,
  type SubscriberSort,
} from "../backend";
import { LiveRead } from "../backend/live.svelte";

export const PAGE_SIZE = 50;

function sameFilter(a: DealerFilter | null, b: DealerFilter | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "own" || b.kind === "own") return a.kind === b.kind;
  return a.dealer_id === b.dealer_id;
}

export class SubscriberList {
  /** The applied search text (the box's text, debounced). */
  search = $state("");
  /** The state chip: null for All. */
  lineState: LineView | null = $state(null);
  dealer: DealerFilter | null = $state.raw(null);
  sort: SubscriberSort = $state("name");
  descending = $state(false);
  /** 0-based. */
  pageIndex = $state(0);

  /** The last page read for the current query; a raw snapshot replaced whole. */
  page: SubscriberPage | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);

  #live = new LiveRead<SubscriberPage>({
    areas: ["subscribers", "dealers", "billing", "sync", "time"],
    read: () => backend.listSubscribers(this.query),
    key: () => JSON.stringify(this.query),
    accept: (page) => {
      if (page.rows.length === 0 && page.total > 0 && this.pageIndex > 0) {
        // The page emptied under us (lines removed elsewhere): go to the last page there is.
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

  get query(): SubscriberQuery {
    return {
      search: this.search.trim(),
      state: this.lineState,
      dealer: this.dealer,
      sort: this.sort,
      descending: this.descending,
      page: this.pageIndex,
      page_size: PAGE_SIZE,
    };
  }

  /** Whether anything narrows the view (the empty states and "Clear filters" depend on it). */
  get filtered(): boolean {
    return this.search.trim() !== "" || this.lineState !== null || this.dealer !== null;
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

  setState(state: LineView | null): void {
    if (state === this.lineState) return;
    this.lineState = state;
    this.pageIndex = 0;
    void this.refresh();
  }

  setDealer(dealer: DealerFilter | null): void {
    if (sameFilter(dealer, this.dealer)) return;
    this.dealer = dealer;
    this.pageIndex = 0;
    void this.refresh();
  }

  clearFilters(): void {
    this.search = "";
    this.lineState = null;
    this.dealer = null;
    this.pageIndex = 0;
    void this.refresh();
  }

  /** A click on a column header: the same column flips the order, another starts ascending. */
  sortBy(column: SubscriberSort): void {
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
