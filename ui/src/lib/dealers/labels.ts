// Words for dealer states, shared by the table and the dialogs.

import type { DealerState } from "../backend";
import { t } from "../i18n.svelte";

export function statusLabel(status: DealerState): string {
  return status === "active" ? t("dealers-status-active") : t("dealers-status-inactive");
}
