// A whole message with some of its values emphasised (a date, an invoice number, a
// username in <strong>): the message is formatted once, with markers in place of those
// values, and split around them, so the sentence stays one message in the catalog.

import { t, type Args } from "../i18n.svelte";

/** A piece of a message: plain text, or an emphasised value. */
export type Part = { text: string; strong: boolean };

const MARK = "\u0001";

/** The message `id` with `args`, split so the values named in `strong` stand apart. */
export function rich(id: string, args: Args, strong: string[]): Part[] {
  const marked: Args = { ...args };
  for (const name of strong) marked[name] = `${MARK}${name}${MARK}`;
  return t(id, marked)
    .split(MARK)
    .map((piece, i) => (i % 2 === 1 ? { text: String(args[piece] ?? ""), strong: true } : { text: piece, strong: false }))
    .filter((part) => part.text !== "");
}

/** The text of message `id` before and after its variable `name` (the rest from `args`). */
export function around(id: string, name: string, args: Args = {}): [string, string] {
  const [before = "", ...after] = t(id, { ...args, [name]: MARK }).split(MARK);
  return [before, after.join("")];
}
