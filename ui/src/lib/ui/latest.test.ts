import { describe, expect, it } from "vitest";
import { latest } from "./latest";

describe("latest", () => {
  it("keeps the answer of the current read and drops one the effect has moved past", async () => {
    const got: string[] = [];
    let answerOld: (v: string) => void = () => {};
    const old = new Promise<string>((resolve) => (answerOld = resolve));
    const stop = latest(old, (v) => got.push(v));
    stop(); // the effect ran again before the old read answered
    latest(Promise.resolve("new"), (v) => got.push(v));
    answerOld("old");
    await old;
    await Promise.resolve();
    expect(got).toEqual(["new"]);
  });

  it("ignores a failed read", async () => {
    const got: string[] = [];
    const failing = Promise.reject(new Error("offline"));
    latest(failing, (v: string) => got.push(v));
    await failing.catch(() => undefined);
    expect(got).toEqual([]);
  });
});
