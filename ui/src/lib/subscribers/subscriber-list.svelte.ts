// The subscribers table's live state: the shared paged query plus the state chip and the
// dealer filter; read again on changes to lines, dealers, billing or sync.

import { backend, type DealerFilter, type LineView, type SubscriberPage, type SubscriberQuery, type SubscriberSort } from "../backend";
import { PagedList } from "../ui/paged-list.svelte";

export { PAGE_SIZE } from "../ui/paged-list.svelte";

function sameFilter(a: DealerFilter | null, b: DealerFilter | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === "own" || b.kind === "own") return a.kind === b.kind;
  return a.dealer_id === b.dealer_id;
}

export class SubscriberList extends PagedList<SubscriberPage, SubscriberSort, SubscriberQuery> {
  /** The state chip: null for All. */
  lineState: LineView | null = $state(null);
  dealer: DealerFilter | null = $state.raw(null);

  constructor() {
    super(["subscribers", "dealers", "billing", "sync", "time"], "name", (query) => backend.listSubscribers(query), (query) => backend.exportSubscribers(query));
  }

  protected filters() {
    return { state: this.lineState, dealer: this.dealer };
  }

  /** Whether anything narrows the view (the empty states and "Clear filters" depend on it). */
  get filtered(): boolean {
    return this.search.trim() !== "" || this.lineState !== null || this.dealer !== null;
  }

  setState(state: LineView | null): void {
    if (state === this.lineState) return;
    this.lineState = state;
    this.requery();
  }

  setDealer(dealer: DealerFilter | null): void {
    if (sameFilter(dealer, this.dealer)) return;
    this.dealer = dealer;
    this.requery();
  }

  clearFilters(): void {
    this.search = "";
    this.lineState = null;
    this.dealer = null;
    this.requery();
  }
}
