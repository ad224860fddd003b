// Checks for the reasons typed in the Reject and Remove My Reseller windows. The core
// and the server decide in the end; these only say early what they would refuse.

/** The longest reason the server accepts. */
export const REASON_MAX = 2000;

/** An optional reason: only its length matters. */
export function checkOptionalReason(value: string): string | null {
  const n = value.trim().length;
  return n > REASON_MAX ? `Keep the reason under ${REASON_MAX} characters (now ${n}).` : null;
}

/** A required reason; `quiet` hides "required" until the user has left the field or submitted. */
export function checkRequiredReason(value: string, quiet: boolean): string | null {
  if (value.trim() === "") return quiet ? null : "Say why you remove this reseller; they will read it.";
  return checkOptionalReason(value);
}

/** Enter submits the window's form; Shift+Enter starts a new line. */
export function submitOnEnter(event: KeyboardEvent): void {
  if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  const target = event.currentTarget;
  if (target instanceof HTMLTextAreaElement) target.form?.requestSubmit();
}
