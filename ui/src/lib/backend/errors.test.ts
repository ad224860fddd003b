import { describe, expect, it } from "vitest";
import { BackendError, IPC_ERROR, errorMessage, toBackendError } from "./index";

describe("toBackendError", () => {
  it("keeps the core's code and message", () => {
    const e = toBackendError({ code: "invalid_email", message: "That is not an e-mail address." });
    expect(e).toBeInstanceOf(BackendError);
    expect(e.code).toBe("invalid_email");
    expect(e.message).toBe("That is not an e-mail address.");
    expect(toBackendError(e)).toBe(e);
  });

  it("gives anything else one shape with the IPC's code", () => {
    expect(toBackendError("command not found")).toMatchObject({ code: IPC_ERROR, message: "command not found" });
    expect(toBackendError(new Error("boom"))).toMatchObject({ code: IPC_ERROR, message: "boom" });
    expect(toBackendError({ code: 7 }).code).toBe(IPC_ERROR);
    expect(errorMessage(undefined)).toMatch(/did not answer/);
  });
});
