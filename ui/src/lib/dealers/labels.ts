// Words for dealer states, shared by the table and the dialogs.

import type { DealerState } from "../backend";

export function statusLabel(status: DealerState): string {
  return status === "active" ? "Active" : "Inactive";
}
