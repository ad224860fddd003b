// The partner's billing, read from the server on demand (never from the replica: invoices
// are the operator's records). A newer read makes an older one's answer stale, and a
// failed read keeps the last answer so the page can show it as stale rather than blank.

import { backend, toBackendError, type BackendError, type BillingView } from "../backend";

export class BillingRead {
  /** The last answer; kept when a later read fails. */
  value: BillingView | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  error: BackendError | null = $state(null);
  loading = $state(false);
  #seq = 0;

  /**
   * Reads the billing; resolves to the numbers of invoices that were open in the previous
   * answer and are paid in this one (so the page can say a payment arrived).
   */
  async load(): Promise<string[]> {
    const seq = ++this.#seq;
    this.loading = true;
    try {
      const next = await backend.billing();
      if (seq !== this.#seq) return [];
      const before = this.value;
      this.value = next;
      this.error = null;
      return before === null ? [] : newlyPaid(before, next);
    } catch (e) {
      if (seq === this.#seq) this.error = toBackendError(e);
      return [];
    } finally {
      if (seq === this.#seq) this.loading = false;
    }
  }
}

function newlyPaid(before: BillingView, after: BillingView): string[] {
  const wasOpen = new Set(before.invoices.filter((i) => i.status !== "paid").map((i) => i.number));
  return after.invoices.filter((i) => wasOpen.has(i.number) && i.status === "paid").map((i) => i.number);
}
