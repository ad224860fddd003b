// Keeping a view fresh from the core, the one way every page does it: read at once, again
// whenever the core announces a change to one of the view's areas (the shell's
// `core-changed` event), and after every action. Nothing polls: while the window is
// hidden, a change only marks the view stale and it is read when the window shows again.
// Reads never pile up behind a slow one, and a read that started before an action (or
// before the query changed) is dropped and made again.

import { listen } from "@tauri-apps/api/event";
import { now } from "../clock";
import { toBackendError, type BackendError } from "./index";
import type { Area } from "./bindings/Area";
import type { ViewChange } from "./bindings/ViewChange";

type Listener = (change: ViewChange) => void;
const listeners = new Set<Listener>();
let listening: Promise<unknown> | null = null;

/** Calls `heard` with every change the core announces; returns the function that stops. */
export function onCoreChanged(heard: Listener): () => void {
  listeners.add(heard);
  listening ??= listen<ViewChange>("core-changed", (event) => {
    for (const l of [...listeners]) l(event.payload);
  }).catch(() => {
    // Outside the app (a plain browser): nothing is ever announced.
    listening = null;
  });
  return () => listeners.delete(heard);
}

/** What a view reads and what it does with the answer. */
export interface LiveTarget<T> {
  /** The areas whose changes make this view stale ("session" always does). */
  areas: readonly Area[];
  read(): Promise<T>;
  /** A current answer; return `true` to read again at once (e.g. the page moved). */
  accept(value: T): boolean | void;
  fail(error: BackendError): void;
  /** Identifies what is being read (e.g. the query); a changed key makes an answer stale. */
  key?(): string;
}

export class LiveRead<T> {
  #stopped = true;
  #inFlight = false;
  #again = false;
  /** A change arrived while the window was hidden: read when it shows. */
  #stale = false;
  /** Bumped by every action; a read started before it may miss the action. */
  #epoch = 0;
  readonly #target: LiveTarget<T>;

  constructor(target: LiveTarget<T>) {
    this.#target = target;
  }

  /** Reads now and on every relevant change; returns the stop function (`$effect` cleanup). */
  start(): () => void {
    this.#stopped = false;
    void this.refresh();
    const areas = new Set<Area>([...this.#target.areas, "session"]);
    const stopListening = onCoreChanged((change) => {
      if (!change.areas.some((a) => areas.has(a))) return;
      if (document.visibilityState === "hidden") this.#stale = true;
      else void this.refresh();
    });
    const onVisible = () => {
      if (document.visibilityState === "visible" && this.#stale) {
        this.#stale = false;
        void this.refresh();
      }
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      this.#stopped = true;
      stopListening();
      document.removeEventListener("visibilitychange", onVisible);
    };
  }

  async refresh(): Promise<void> {
    if (this.#stopped) return;
    if (this.#inFlight) {
      this.#again = true;
      return;
    }
    this.#inFlight = true;
    const epoch = this.#epoch;
    const key = this.#target.key?.();
    const current = () => epoch === this.#epoch && key === this.#target.key?.();
    try {
      const value = await this.#target.read();
      if (!current() || this.#target.accept(value) === true) this.#again = true;
    } catch (e) {
      if (current()) this.#target.fail(toBackendError(e));
    } finally {
      this.#inFlight = false;
      if (this.#again) {
        this.#again = false;
        void this.refresh();
      }
    }
  }

  /** After an action: drop reads that started before it and read again at once. */
  changed(): void {
    this.#epoch++;
    void this.refresh();
  }
}

/**
 * A whole view read from the core (a page's data): the last answer, why the last read
 * failed, and the time of the last read, for relative times ("2 min ago"; the core
 * announces each new minute).
 */
export class Feed<T> {
  /** The last view read; a raw snapshot replaced whole. */
  view: T | null = $state.raw(null);
  /** Why the last read failed; cleared by the next success. */
  loadError: BackendError | null = $state(null);
  now: Date = $state(now());
  readonly #live: LiveRead<T>;

  constructor(read: () => Promise<T>, areas: readonly Area[]) {
    this.#live = new LiveRead<T>({
      areas: [...areas, "time"],
      read,
      accept: (view) => {
        this.view = view;
        this.loadError = null;
        this.now = now();
      },
      fail: (error) => {
        this.loadError = error;
        this.now = now();
      },
    });
  }

  /** Starts reading; returns the function that stops it (for `$effect` cleanup). */
  start(): () => void {
    return this.#live.start();
  }

  refresh(): Promise<void> {
    return this.#live.refresh();
  }

  /** Shows an action's answer at once, then reads again. */
  apply(view: T): void {
    this.view = view;
    this.loadError = null;
    this.#live.changed();
  }

  /** After an action without a view of its own (e.g. Discard): read again at once. */
  changed(): void {
    this.#live.changed();
  }
}
