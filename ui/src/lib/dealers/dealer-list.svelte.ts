// My Dealers' live state: the shared paged query plus the status filter.

import { backend, type DealerPage, type DealerQuery, type DealerSort, type DealerState } from "../backend";
import { PagedList } from "../ui/paged-list.svelte";

export { PAGE_SIZE } from "../ui/paged-list.svelte";

export class DealerList extends PagedList<DealerPage, DealerSort, DealerQuery> {
  status: DealerState | null = $state(null);

  constructor() {
    super(["dealers", "sync", "time"], "name", (query) => backend.listDealers(query), (query) => backend.exportDealers(query));
  }

  protected filters() {
    return { status: this.status };
  }

  setStatus(status: DealerState | null): void {
    if (status === this.status) return;
    this.status = status;
    this.requery();
  }
}
