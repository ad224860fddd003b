// The one door to the Rust core: every IPC call of the UI goes through `backend`.
//
// It wraps the generated `commands` so that a failed call always rejects with a
// `BackendError` carrying the core's `{code, message}`; screens match on `code` and show
// `message`, never parse strings. The message shown is the catalog's for the code (and
// the field it names) in the app's language; the English sentence the core or server
// sent is kept only for a code this build does not know. Types are re-exported from the generated bindings so
// feature folders import them from here.

import { commands } from "./commands";
import { problemKind } from "./hints";
import { i18n, t } from "../i18n.svelte";
import type { Code } from "./bindings/Code";
import type { ErrorBody } from "./bindings/ErrorBody";

export type { Allowance } from "./bindings/Allowance";
export type { Channel } from "./bindings/Channel";
// The contract's types (generated with the commands); the rest below.
export type * from "./commands";
export type { DealerSort } from "./bindings/DealerSort";
export type { DealerState } from "./bindings/DealerState";
export type { RowProblem } from "./bindings/RowProblem";
export type { Code } from "./bindings/Code";
export type { ErrorBody } from "./bindings/ErrorBody";
export type { Lang } from "./bindings/Lang";
export type { LanguageChoice } from "./bindings/LanguageChoice";
export type { Link } from "./bindings/Link";
export type { OperatorPartnerDetail } from "./bindings/OperatorPartnerDetail";
export type { NotificationPreferences } from "./bindings/NotificationPreferences";
export type { UpcomingEvent } from "./bindings/UpcomingEvent";
export type { Notification } from "./bindings/Notification";
export type { PartnerRequest } from "./bindings/PartnerRequest";
export type { Profile } from "./bindings/Profile";
export type { RegistrationRequest } from "./bindings/RegistrationRequest";
export type { RejectedEdit } from "./bindings/RejectedEdit";
export type { RequestRow } from "./bindings/RequestRow";
export type { RequestStatus } from "./bindings/RequestStatus";
export type { Role } from "./bindings/Role";
export type { SubscriptionView } from "./bindings/SubscriptionView";
export type { PaymentView } from "./bindings/PaymentView";
export type { ResolveAction } from "./bindings/ResolveAction";
export type { InvoiceView } from "./bindings/InvoiceView";
export type { ContactVisibility } from "./bindings/ContactVisibility";
export type { DealerFilter } from "./bindings/DealerFilter";
export type { DealerOption } from "./bindings/DealerOption";
export type { LineStatus } from "./bindings/LineStatus";
export type { LineView } from "./bindings/LineView";
export type { Relation } from "./bindings/Relation";
export type { ResellerSettings } from "./bindings/ResellerSettings";
export type { Stream } from "./bindings/Stream";
export type { StreamRow } from "./bindings/StreamRow";
export type { SubscriberSort } from "./bindings/SubscriberSort";
export type { VisibleContacts } from "./bindings/VisibleContacts";

/** The code given to failures that did not come from the core as an `ErrorBody`. */
export const IPC_ERROR: Code = "ipc_error";

/** A failed backend call: the core's error code and its human message. */
export class BackendError extends Error implements ErrorBody {
  readonly code: Code;
  /** The form field the error is about, when the core or server named one. */
  readonly field?: string;
  /** With `second_factor_required`: the sign-in's challenge, sent back with the code. */
  readonly challenge?: string;

  constructor(body: ErrorBody) {
    super(describe(body));
    this.name = "BackendError";
    this.code = body.code;
    if (body.field !== undefined) this.field = body.field;
    if (body.challenge !== undefined) this.challenge = body.challenge;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Record<string, unknown>).code === "string" &&
    typeof (value as Record<string, unknown>).message === "string"
  );
}

/**
 * What a refusal says to the user, in the app's language, by its code and field as the
 * core words them (`wpplay_i18n::describe`): `ask-<field>` for a blank required field,
 * `error-<code>.field` naming the field's label, else `error-<code>`. Only a code this
 * build does not know shows the words that were sent.
 */
export function describe(problem: { code: Code; message?: string; field?: string | null }): string {
  const { code, field } = problem;
  const id = `error-${code}`;
  if (field) {
    if (code === "missing_field" && i18n.has(`ask-${field}`)) return t(`ask-${field}`);
    if (i18n.has(`field-${field}`) && i18n.has(`${id}.field`)) return t(`${id}.field`, { field: t(`field-${field}`) });
  }
  if (code !== "unknown" && i18n.has(id)) return t(id);
  return problem.message || t("error-unknown");
}

/** Turns whatever a rejected `invoke` gave (ErrorBody, string, Error, …) into one shape. */
export function toBackendError(reason: unknown): BackendError {
  if (reason instanceof BackendError) return reason;
  if (isErrorBody(reason)) return new BackendError(reason);
  const said = typeof reason === "string" ? reason : reason instanceof Error ? reason.message : "";
  return new BackendError({
    code: IPC_ERROR,
    message: said || t("core-no-answer"),
  });
}

/** Whether a failed read only needs the connection to the server back. */
export function needsConnection(code: Code): boolean {
  return problemKind(code) === "connection";
}

/** The message to show for any caught value. */
export function errorMessage(reason: unknown): string {
  return toBackendError(reason).message;
}

type Commands = typeof commands;

/** `commands`, with every rejection normalised to a `BackendError`. */
export const backend = Object.fromEntries(
  Object.entries(commands).map(([name, call]) => [
    name,
    (...args: unknown[]) =>
      (call as (...a: unknown[]) => Promise<unknown>)(...args).catch((reason: unknown) => {
        throw toBackendError(reason);
      }),
  ]),
) as Commands;
