import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Area } from "./bindings/Area";
import { bus, deferred, FakeDocument, fakeEventModule, settle } from "../../test/doubles";

vi.mock("@tauri-apps/api/event", () => fakeEventModule());

const { LiveRead } = await import("./live.svelte");

describe("LiveRead", () => {
  let doc: FakeDocument;
  beforeEach(() => {
    doc = new FakeDocument();
    vi.stubGlobal("document", doc);
  });
  afterEach(() => vi.unstubAllGlobals());

  function counter(areas: Area[]) {
    const seen: number[] = [];
    let reads = 0;
    const live = new LiveRead<number>({
      areas,
      read: async () => ++reads,
      accept: (v) => void seen.push(v),
      fail: () => undefined,
    });
    return { live, seen, reads: () => reads };
  }

  it("reads at once, then only when one of its areas (or the session) changes", async () => {
    const { live, seen } = counter(["dealers"]);
    const stop = live.start();
    await settle();
    expect(seen).toEqual([1]);

    bus.announce(["billing"]);
    await settle();
    expect(seen).toEqual([1]);

    bus.announce(["dealers"]);
    await settle();
    bus.announce(["session"]);
    await settle();
    expect(seen).toEqual([1, 2, 3]);

    stop();
    bus.announce(["dealers"]);
    await settle();
    expect(seen).toEqual([1, 2, 3]);
  });

  it("while hidden only remembers a change, and reads once when shown", async () => {
    const { live, seen } = counter(["dealers"]);
    live.start();
    await settle();
    doc.show(false);
    bus.announce(["dealers"]);
    bus.announce(["dealers"]);
    await settle();
    expect(seen).toEqual([1]);
    doc.show(true);
    await settle();
    expect(seen).toEqual([1, 2]);
    // Shown again with nothing new: no read.
    doc.show(false);
    doc.show(true);
    await settle();
    expect(seen).toEqual([1, 2]);
  });

  it("never runs two reads at once, and drops an answer that started before an action", async () => {
    const answers = [deferred<string>(), deferred<string>()];
    let calls = 0;
    const seen: string[] = [];
    const live = new LiveRead<string>({
      areas: ["dealers"],
      read: () => answers[calls++]!.promise,
      accept: (v) => void seen.push(v),
      fail: () => undefined,
    });
    live.start();
    await settle();
    live.changed(); // an action while the first read is in flight
    live.changed();
    await settle();
    expect(calls).toBe(1);
    answers[0]!.resolve("before the action");
    await settle();
    expect(calls).toBe(2);
    answers[1]!.resolve("after the action");
    await settle();
    expect(seen).toEqual(["after the action"]);
  });

  it("hands a failure to the view and reads again when asked", async () => {
    let fail = true;
    const errors: string[] = [];
    const seen: string[] = [];
    const live = new LiveRead<string>({
      areas: ["sync"],
      read: async () => {
        if (fail) throw { code: "offline", message: "No connection." };
        return "ok";
      },
      accept: (v) => void seen.push(v),
      fail: (e) => void errors.push(e.code),
    });
    live.start();
    await settle();
    expect(errors).toEqual(["offline"]);
    fail = false;
    bus.announce(["sync"]);
    await settle();
    expect(seen).toEqual(["ok"]);
  });
});
