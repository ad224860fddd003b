// What a dealer action did, for the page to confirm in a toast and to re-read after.

import type { DealerRow, DealerState } from "../backend";

export type DealerOutcome =
  | { kind: "added"; row: DealerRow }
  | { kind: "saved"; row: DealerRow; details: boolean; status: DealerState | null; password: boolean }
  | { kind: "deleted"; name: string; subscribers: number };
