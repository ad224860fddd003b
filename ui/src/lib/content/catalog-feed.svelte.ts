// The partner's own content catalog read from the local replica, with queued adds and
// removals laid over it; read again when the core announces a change to it.

import { backend, type ContentView } from "../backend";
import { Feed } from "../backend/live.svelte";

export class CatalogFeed extends Feed<ContentView> {
  constructor() {
    super(() => backend.myContent(), ["content", "billing", "sync"]);
  }
}
