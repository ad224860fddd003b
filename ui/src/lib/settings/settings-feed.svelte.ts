// Settings → Reseller services read from the local replica, with a queued edit laid over
// it; read again when the core announces a change to it.

import { backend, type ResellerSettingsView } from "../backend";
import { Feed } from "../backend/live.svelte";

export class SettingsFeed extends Feed<ResellerSettingsView> {
  constructor() {
    super(() => backend.resellerSettings(), ["settings", "profile", "sync"]);
  }
}
