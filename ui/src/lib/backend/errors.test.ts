import { afterEach, describe, expect, it } from "vitest";
import { problemKind } from "./hints";
import { BackendError, IPC_ERROR, describe as word, errorMessage, needsConnection, toBackendError } from "./index";
import { i18n } from "../i18n.svelte";
import { catalog } from "../../test/doubles";
import type { Lang } from "./bindings/Lang";

const speak = (lang: Lang) => i18n.apply({ lang, chosen: true, catalog: catalog(lang), choices: [] });

describe("toBackendError", () => {
  afterEach(() => speak("en"));

  it("keeps the core's code and words it from the catalog, not from what was sent", () => {
    const e = toBackendError({ code: "invalid_email", message: "That is not an e-mail address." });
    expect(e).toBeInstanceOf(BackendError);
    expect(e.code).toBe("invalid_email");
    expect(e.message).toBe("Enter a valid e-mail address, e.g. ana@acme.rs.");
    expect(toBackendError(e)).toBe(e);
  });

  it("speaks the app's language, naming the field or asking for it", () => {
    speak("sr-Latn");
    expect(toBackendError({ code: "wrong_credentials", message: "Wrong username or password." }).message).toBe(
      "Korisničko ime ili lozinka nisu tačni.",
    );
    expect(word({ code: "field_too_long", message: "company must be at most 200 characters", field: "company" })).toBe(
      "Polje „Firma“ je predugačko. Skratite ga.",
    );
    expect(word({ code: "missing_field", field: "mac" })).toBe("Unesite MAC adresu uređaja pretplatnika.");
    expect(word({ code: "missing_field", field: "no_such_field" }), "an unknown field: the code's message").toBe(
      "Nešto obavezno nije popunjeno. Popunite i pokušajte ponovo.",
    );
  });

  it("shows what was sent only for a code this build does not know", () => {
    expect(word({ code: "unknown", message: "A newer server's words." })).toBe("A newer server's words.");
    expect(word({ code: "unknown", message: "" })).toBe("Something went wrong.");
  });

  it("gives anything else one shape with the IPC's code", () => {
    expect(toBackendError("command not found")).toMatchObject({ code: IPC_ERROR });
    expect(toBackendError(new Error("boom")).code).toBe(IPC_ERROR);
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
