import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Lang } from "./backend";
import { feature, i18n } from "./i18n.svelte";
import { catalog } from "../test/doubles";
import { setClockAhead } from "./clock";
import { ago, changesWaiting, count, date, daysLeft, locale, money, parseMinor, period, shortDate } from "./format";

describe("format", () => {
  const speak = (lang: Lang) => i18n.apply({ lang, chosen: true, catalog: catalog(lang), choices: [] });
  beforeEach(() => speak("en"));
  afterEach(() => setClockAhead(0));

  it("writes numbers, money and dates as the app's language does", () => {
    speak("sr-Latn");
    expect(locale()).toBe("sr-Latn-RS");
    expect(money(123456, "RSD")).toBe("1.234,56\u00a0RSD");
    expect(count(3214)).toBe("3.214");
    expect(date("2026-03-14T09:30:00Z")).toBe("14. mart 2026.");
    speak("sr-Cyrl");
    expect(date("2026-03-14T09:30:00Z")).toBe("14. март 2026.");
    speak("sr-Latn");
    expect(daysLeft(1)).toBe("Preostao je 1 dan");
    expect(daysLeft(3)).toBe("Preostala su 3 dana");
    expect(daysLeft(5)).toBe("Preostalo je 5 dana");
    expect(changesWaiting(2)).toBe("2 izmene čekaju");
    speak("en");
    expect(money(123456, "RSD")).toBe("RSD\u00a01,234.56");
  });

  it("formats minor units as money, and an unknown currency as a plain amount", () => {
    expect(money(2900, "EUR")).toBe("€29.00");
    expect(money(123456, "XYZ1")).toBe("1234.56 XYZ1");
  });

  it("groups counts", () => {
    expect(count(3214)).toBe("3,214");
  });

  it("shows a date it cannot read as it came", () => {
    expect(date("2026-03-14T09:30:00Z")).toBe("March 14, 2026");
    expect(date("soon")).toBe("soon");
    expect(shortDate(new Date("2026-03-14T09:30:00Z"))).toBe("Mar 14, 2026");
    expect(period("2026-03-14T09:30:00Z", "2026-04-14T09:30:00Z")).toBe("Mar 14, 2026 – Apr 14, 2026");
  });

  it("counts days left and waiting changes in the singular and plural", () => {
    expect(daysLeft(14)).toBe("14 days left");
    expect(daysLeft(1)).toBe("1 day left");
    expect(daysLeft(-3)).toBe("0 days left");
    expect(changesWaiting(1)).toBe("1 change waiting");
    expect(changesWaiting(1200)).toBe("1,200 changes waiting");
  });

  it("says how long ago, from the core's time", () => {
    const at = new Date("2026-12-06T12:00:00Z");
    expect(ago("2026-12-06T11:59:30Z", at)).toBe("just now");
    expect(ago("2026-12-06T11:58:00Z", at)).toBe("2 min. ago");
    expect(ago("2026-12-06T09:00:00Z", at)).toBe("3 hr. ago");
    expect(ago("2026-12-05T12:00:00Z", at)).toBe("yesterday");
    expect(ago("not a date", at)).toBe("not a date");
    // Without an explicit time, "now" is the core's (which a debug build may move ahead).
    setClockAhead(10 * 60_000);
    expect(ago(new Date().toISOString())).toBe("10 min. ago");
  });

  it("shows the packages' features in the app's language, and one it does not know as written", () => {
    speak("sr-Latn");
    expect(feature("Unlimited dealers")).toBe("Neograničen broj dilera");
    expect(feature("Priority e-mail support")).toBe("Prioritetna podrška e-poštom");
    expect(feature("24/7 hotline")).toBe("24/7 hotline");
  });
});

describe("parseMinor", () => {
  it("reads amounts as people type them, in minor units", () => {
    expect(parseMinor("29")).toBe(2900);
    expect(parseMinor(" 29.5 ")).toBe(2950);
    expect(parseMinor("29,05")).toBe(2905);
    expect(parseMinor("0")).toBe(0);
  });

  it("refuses what is not such an amount", () => {
    for (const text of ["", "29.505", "-1", "1e3", "12 500", "abc", "12345678901"]) {
      expect(parseMinor(text)).toBeNull();
    }
  });
});
