// Events the desktop shell sends to the page (not commands: nothing is asked for).

import { listen } from "@tauri-apps/api/event";

/**
 * Calls `go` with a section id when the shell asks to open one (the tray's "Pending
 * requests" sends "resellers"). Returns the function that stops listening.
 */
export async function onNavigate(go: (section: string) => void): Promise<() => void> {
  return listen<string>("navigate", (event) => go(event.payload));
}

/** Calls `found` when the shell learns of a newer version of the app. */
export async function onUpdateAvailable(found: () => void): Promise<() => void> {
  return listen("update-available", () => found());
}
