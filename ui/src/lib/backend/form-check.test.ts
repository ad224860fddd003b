import { beforeEach, describe, expect, it, vi } from "vitest";
import type { FieldCheck } from "./bindings/FieldCheck";
import type { FormArgs } from "./bindings/FormArgs";
import { deferred, settle } from "../../test/doubles";

/** What `check_form` answers next; each call takes the next promise. */
let answers: Array<Promise<FieldCheck[]>> = [];
const asked: unknown[] = [];
vi.mock("@tauri-apps/api/core", () => ({
  invoke: (name: string, payload: { args: FormArgs }) => {
    asked.push([name, payload.args]);
    return answers.shift() ?? Promise.reject({ code: "ipc_error", message: "no answer" });
  },
}));

const { FormCheck } = await import("./form-check.svelte");

function mac(value: string | null, problem: FieldCheck["problem"]): FieldCheck {
  return { field: "mac", value, problem, max_chars: null };
}

const form: FormArgs = { form: "subscriber", name: "Petar", line_username: "petar", mac: "00:1a" };

describe("FormCheck", () => {
  beforeEach(() => {
    answers = [];
    asked.length = 0;
  });

  it("asks the core about the form and shows its value as stored", async () => {
    answers.push(Promise.resolve([mac("00:1A:2B:3C:4D:5E", null)]));
    const check = new FormCheck();
    check.ask(form);
    await settle();
    expect(asked).toEqual([["check_form", form]]);
    expect(check.value("mac")).toBe("00:1A:2B:3C:4D:5E");
    expect(check.problem("mac", true)).toBeNull();
    expect(check.value("name"), "a field the core did not name").toBeNull();
  });

  it("holds back what typing may cure until the field is settled, never a wrong character", async () => {
    const tooShort = { code: "invalid_mac", incomplete: true } as const;
    const wrong = { code: "invalid_mac", incomplete: false } as const;
    const says = "Enter the MAC address as six pairs of 0–9 and A–F, e.g. 00:1A:79:12:34:56.";
    answers.push(Promise.resolve([mac(null, tooShort)]), Promise.resolve([mac(null, wrong)]));
    const check = new FormCheck();
    check.ask(form);
    await settle();
    expect(check.problem("mac", false), "still typing").toBeNull();
    expect(check.problem("mac", true), "worded from the catalog by code").toBe(says);
    check.ask({ ...form, mac: "00:1z" });
    await settle();
    expect(check.problem("mac", false)).toBe(says);
  });

  it("drops an answer for values the user has typed past", async () => {
    const first = deferred<FieldCheck[]>();
    const second = deferred<FieldCheck[]>();
    answers.push(first.promise, second.promise);
    const check = new FormCheck();
    check.ask({ ...form, mac: "00" });
    check.ask({ ...form, mac: "00:1A:2B:3C:4D:5E" });
    second.resolve([mac("00:1A:2B:3C:4D:5E", null)]);
    await settle();
    first.resolve([mac(null, { code: "invalid_mac", incomplete: true })]);
    await settle();
    expect(check.value("mac")).toBe("00:1A:2B:3C:4D:5E");
    expect(check.problem("mac", true)).toBeNull();
  });

  it("names the first field with a problem on submit, and leaves a failed call to the core", async () => {
    const missing = { code: "missing_field", incomplete: true } as const;
    answers.push(
      Promise.resolve([
        { field: "name", value: null, problem: missing, max_chars: 200 },
        mac(null, missing),
      ]),
    );
    const check = new FormCheck();
    expect(await check.firstProblem(form)).toBe("name");
    expect(check.problem("name", true), "the answer shows too, asking for the field").toBe("Enter the name.");
    expect(check.problem("mac", true)).toBe("Enter the MAC address of the subscriber's device.");
    expect(check.maxChars("name")).toBe(200);
    expect(await check.firstProblem(form), "no answer: the core decides on submit").toBeNull();
  });
});
