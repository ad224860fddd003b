// Discarding refused edits: which rows are being discarded now, and the call with its
// toasts. A discarded edit leaves the queue; the row shows what the server has again.

import { t } from "../i18n.svelte";
import { backend, errorMessage, type RowProblem, type SyncStatus } from "../backend";
import { toast } from "./toast.svelte";

export class Discarding {
  /** The ids of the rows whose refused edit is being discarded. */
  ids: ReadonlySet<string> = $state.raw(new Set());

  /** Discards `problem`'s edit of row `id`; `then` gets the new sync state, `said` is the toast. */
  async discard(id: string, problem: RowProblem | null, then: (sync: SyncStatus) => void, said: string, hint?: string): Promise<void> {
    if (!problem || this.ids.has(id)) return;
    this.ids = new Set([...this.ids, id]);
    try {
      then(await backend.discardRejected({ mutation_id: problem.mutation_id }));
      toast("success", said, hint);
    } catch (e) {
      toast("error", errorMessage(e), t("discard-failed-hint"));
    } finally {
      const next = new Set(this.ids);
      next.delete(id);
      this.ids = next;
    }
  }
}
