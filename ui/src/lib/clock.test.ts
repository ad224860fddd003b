import { afterEach, expect, it } from "vitest";
import { now, setClockAhead } from "./clock";

afterEach(() => setClockAhead(0));

it("runs as far ahead as the core says, and ignores a value that is not a number", () => {
  setClockAhead(3_600_000);
  const ahead = now().getTime() - Date.now();
  expect(ahead).toBeGreaterThanOrEqual(3_599_000);
  expect(ahead).toBeLessThanOrEqual(3_600_000);
  setClockAhead(Number.NaN);
  expect(Math.abs(now().getTime() - Date.now())).toBeLessThan(1_000);
});
