import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Copier } from "./copier.svelte";
import { clearToasts, toasts } from "./toast.svelte";

describe("Copier", () => {
  const written: string[] = [];
  const selected: unknown[] = [];
  const shown = { id: "the-code" } as unknown as HTMLElement;

  beforeEach(() => {
    vi.useFakeTimers();
    written.length = 0;
    selected.length = 0;
    clearToasts();
    vi.stubGlobal("document", { createRange: () => ({ selectNodeContents: (n: unknown) => selected.push(n) }) });
    vi.stubGlobal("window", { getSelection: () => ({ removeAllRanges: () => {}, addRange: () => {} }) });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("writes the text to the clipboard, ticks for a moment and says so when asked", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: async (t: string) => void written.push(t) } });
    const copier = new Copier("the payment reference", (t) => `Payment reference ${t} copied.`);
    await copier.copy("WP-2026-0001", shown);
    expect(written).toEqual(["WP-2026-0001"]);
    expect(copier.copied).toBe(true);
    expect(toasts.map((t) => t.message)).toEqual(["Payment reference WP-2026-0001 copied."]);
    vi.advanceTimersByTime(2000);
    expect(copier.copied).toBe(false);
  });

  it("selects the shown value for Ctrl+C when the clipboard is refused", async () => {
    vi.stubGlobal("navigator", { clipboard: { writeText: async () => Promise.reject(new Error("denied")) } });
    const copier = new Copier("the stream URL");
    await copier.copy("rtmp://x/y", shown);
    expect(copier.copied).toBe(false);
    expect(selected).toEqual([shown]);
    expect(toasts.map((t) => [t.message, t.hint])).toEqual([["The stream URL is selected.", "Press Ctrl+C (⌘C on a Mac) to copy it."]]);
  });

  it("says copying is unavailable when there is neither a clipboard nor a value to select", async () => {
    vi.stubGlobal("navigator", {});
    await new Copier("the stream URL").copy("rtmp://x/y", undefined);
    expect(selected).toEqual([]);
    expect(toasts[0]?.message).toBe("Copying is not available here.");
  });
});
