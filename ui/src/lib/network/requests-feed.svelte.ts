// The reseller's Requests data (its requests, linked partners and latest notifications)
// read from the local replica, so it works offline; read again when the core announces a
// change to them and after every action.

import { backend, type RequestsView } from "../backend";
import { Feed } from "../backend/live.svelte";

export class RequestsFeed extends Feed<RequestsView> {
  constructor() {
    super(() => backend.myRequests(), ["resellers", "notifications", "sync"]);
  }
}
