// Stand-ins for what the app's window provides and plain Node does not: the document's
// visibility and the Tauri event bus's `core-changed` event.

import { readFileSync } from "node:fs";
import type { Lang } from "../lib/backend";
import type { Area } from "../lib/backend/bindings/Area";
import type { ViewChange } from "../lib/backend/bindings/ViewChange";

/** A document whose visibility a test flips. */
export class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = "visible";

  show(visible: boolean): void {
    this.visibilityState = visible ? "visible" : "hidden";
    this.dispatchEvent(new Event("visibilitychange"));
  }
}

type Handler = (event: { payload: ViewChange }) => void;

/** The event bus: what `listen` registered, and a way to announce a change to it. */
export const bus = {
  handlers: new Map<string, Handler[]>(),
  revision: 0,
  /** Announces that `areas` changed, as the shell's `core-changed` event does. */
  announce(areas: Area[]): void {
    const change: ViewChange = { revision: ++this.revision, areas };
    for (const h of this.handlers.get("core-changed") ?? []) h({ payload: change });
  },
};

/** The module `@tauri-apps/api/event` as the tests see it (pass to `vi.mock`). */
export function fakeEventModule() {
  return {
    listen: async (name: string, handler: Handler) => {
      bus.handlers.set(name, [...(bus.handlers.get(name) ?? []), handler]);
      return () => undefined;
    },
  };
}

/** A promise with its resolve exposed, to hold a read in flight. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Lets every pending promise callback run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/**
 * A language's catalog as the core hands it over, read from `locales/` (English and
 * Serbian Latin; the core makes Cyrillic from the Latin one, and tests it there).
 */
export function catalog(lang: Lang): string {
  const dir = new URL(`../../../locales/${lang}/`, import.meta.url);
  return ["server.ftl", "app.ftl", "billing.ftl", "network.ftl", "lines.ftl", "more.ftl", "errors.ftl"]
    .map((file) => {
      try {
        return readFileSync(new URL(file, dir), "utf8");
      } catch {
        return "";
      }
    })
    .join("\n");
}
