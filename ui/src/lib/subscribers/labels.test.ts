import { beforeEach, describe, expect, it } from "vitest";
import type { Lang } from "../backend";
import { i18n, t } from "../i18n.svelte";
import { rich } from "../ui/rich";
import { catalog } from "../../test/doubles";
import { countdown, days, dealerLabel, stateLabel } from "./labels";

describe("the lines' words", () => {
  const speak = (lang: Lang) => i18n.apply({ lang, chosen: true, catalog: catalog(lang), choices: [] });
  beforeEach(() => speak("en"));

  it("counts days in English as before", () => {
    expect([countdown(0), countdown(1), countdown(1234), days(1), days(30)]).toEqual([
      "expired",
      "in 1 day",
      "in 1,234 days",
      "1 day",
      "30 days",
    ]);
    expect(stateLabel("suspended")).toBe("Suspended");
    expect(dealerLabel({ id: "d", display_name: "Marko", status: "inactive" } as never)).toBe("Marko (inactive)");
  });

  it("counts days in Serbian with three forms", () => {
    speak("sr-Latn");
    expect([countdown(1), countdown(3), countdown(5), countdown(21), days(365)]).toEqual([
      "za 1 dan",
      "za 3 dana",
      "za 5 dana",
      "za 21 dan",
      "365 dana",
    ]);
    expect(stateLabel("expired")).toBe("Istekla");
  });

  it("says which lines match nothing, whole", () => {
    const none = (state: string, whose: string, search = "") =>
      t(search ? "lines-no-match" : "lines-none", { state, whose, dealer: "Marko", search });
    expect(none("all", "all")).toBe("No lines.");
    expect(none("active", "all", "ana")).toBe("No active lines match “ana”.");
    expect(none("expired", "dealer")).toBe("No expired lines of Marko.");
    expect(none("all", "own", "ana")).toBe("No lines among your own lines match “ana”.");
    expect(none("disabled", "unknown")).toBe("No disabled lines of this dealer.");
    speak("sr-Latn");
    expect(none("active", "dealer", "ana")).toBe("Nijedna aktivna linija dilera Marko ne odgovara pretrazi „ana“.");
    expect(none("all", "all")).toBe("Nema linija.");
  });

  it("keeps the English sentences of the windows and toasts", () => {
    const text = (id: string, args: Record<string, string | number>, strong: string[]) =>
      rich(id, args, strong)
        .map((p) => p.text)
        .join("");
    expect(text("lines-expires-on", { date: "March 14, 2026", days: 30 }, ["date"])).toBe(
      "Expires on March 14, 2026, 30 days from today.",
    );
    expect(text("lines-extend-lapsed", { today: t("lines-extend-lapsed.today") }, ["today"])).toBe(
      "This line has expired, so the days count from today.",
    );
    expect(t("dealers-delete-sentence", { name: "Marko", count: 3214 })).toBe(
      "Delete dealer Marko and their 3,214 subscribers? This cannot be undone.",
    );
    expect(t("lines-extended", { name: "Ana", days: 1, date: "March 14, 2026" })).toBe("Ana extended by 1 day, to March 14, 2026.");
    speak("sr-Latn");
    expect(t("dealers-delete-sentence", { name: "Marko", count: 3214 })).toBe(
      "Obrisati dilera Marko i 3.214 njegovih pretplatnika? Ovo se ne može opozvati.",
    );
    expect(t("dealers-deleted", { name: "Marko", count: 2 })).toBe("Obrisani su diler Marko i 2 njegova pretplatnika.");
  });
});
