// The reason and message boxes of the reseller windows: Enter sends, Shift+Enter breaks
// the line.

/** Enter submits the window's form; Shift+Enter starts a new line. */
export function submitOnEnter(event: KeyboardEvent): void {
  if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
  event.preventDefault();
  const target = event.currentTarget;
  if (target instanceof HTMLTextAreaElement) target.form?.requestSubmit();
}
