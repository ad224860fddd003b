import { describe, expect, it } from "vitest";
import { problemKind } from "./hints";
import { BackendError, IPC_ERROR, errorMessage, needsConnection, toBackendError } from "./index";

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

describe("problemKind", () => {
  it("tells a missing connection from the server's refusals and trouble", () => {
    expect(needsConnection("offline")).toBe(true);
    expect(needsConnection("server_busy")).toBe(false);
    expect(problemKind("server_busy")).toBe("trouble");
    expect(problemKind("invalid_email")).toBe("input");
    expect(problemKind("version_conflict")).toBe("conflict");
    expect(problemKind("too_many_changes")).toBe("limit");
    expect(problemKind("session_ended")).toBe("session");
  });

  it("keeps the field an error is about", () => {
    const e = toBackendError({ code: "invalid_email", message: "Not an e-mail address.", field: "email" });
    expect(e.field).toBe("email");
  });
});
