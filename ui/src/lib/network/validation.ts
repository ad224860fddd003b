// Checks for the message of a Request for Partner. The core and the server decide in the
// end; these only say early what they would refuse.

/** The longest message the server accepts, in characters. */
export const MESSAGE_MAX = 2000;

/** Characters as the server counts them (code points, not UTF-16 units). */
export function length(text: string): number {
  return [...text.trim()].length;
}

/** A required message; `quiet` hides "required" until the user has typed, left the field or sent. */
export function checkMessage(value: string, quiet: boolean): string | null {
  const n = length(value);
  if (n === 0) return quiet ? null : "Write a few words to the partner: who you are and what you need.";
  return n > MESSAGE_MAX ? `Keep the message under ${MESSAGE_MAX} characters (now ${n}).` : null;
}
