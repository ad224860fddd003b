// The partner's Resellers data (pending requests, linked resellers, latest notifications)
// read from the local replica; read again when the core announces a change to them.

import { backend, type ResellersView } from "../backend";
import { Feed } from "../backend/live.svelte";

export class ResellersFeed extends Feed<ResellersView> {
  constructor() {
    super(() => backend.resellers(), ["resellers", "notifications", "sync"]);
  }
}
