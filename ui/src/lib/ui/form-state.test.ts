import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { BackendError, type Code } from "../backend";
import { FormState } from "./form-state.svelte";

/** A refusal as the core sends it. */
function refusal(code: Code, field?: string) {
  return new BackendError({ code, message: `refused: ${code}`, ...(field === undefined ? {} : { field }) });
}

async function refusedWith(fs: FormState<string>, error: BackendError) {
  await fs.save(async () => {
    throw error;
  });
  return fs.errorField;
}

describe("FormState: the field a refusal is about", () => {
  const focused: string[] = [];
  beforeEach(() => {
    focused.length = 0;
    vi.stubGlobal("document", { getElementById: (id: string) => ({ focus: () => focused.push(id) }) });
  });
  afterEach(() => vi.unstubAllGlobals());

  const ids = { name: "f-name", mac: "f-mac" };

  it("takes the field the refusal names when the form has it, and focuses its control", async () => {
    const fs = new FormState(ids, { mac_taken: "mac" });
    expect(await refusedWith(fs, refusal("invalid_field", "name"))).toBe("name");
    expect(focused).toEqual(["f-name"]);
    expect(fs.said("name")).toBe("“Name” is not valid.");
    expect(fs.said("mac")).toBeNull();
  });

  it("falls back to the field the code implies, and to the form when neither applies", async () => {
    const fs = new FormState(ids, { mac_taken: "mac" });
    expect(await refusedWith(fs, refusal("mac_taken"))).toBe("mac");
    expect(await refusedWith(fs, refusal("invalid_field", "password"))).toBeNull();
    expect(await refusedWith(fs, refusal("offline"))).toBeNull();
    expect(fs.error?.code).toBe("offline");
  });

  it("without a map shows every refusal under the form, even one that names a field", async () => {
    const fs = new FormState(ids);
    expect(await refusedWith(fs, refusal("invalid_field", "name"))).toBeNull();
    expect(focused).toEqual([]);
  });

  it("drops the refusal once the user edits the field it named", async () => {
    const fs = new FormState(ids, {});
    await refusedWith(fs, refusal("invalid_field", "mac"));
    fs.edited("name");
    expect(fs.error).not.toBeNull();
    fs.edited("mac");
    expect(fs.error).toBeNull();
    expect(fs.errorField).toBeNull();
  });
});
