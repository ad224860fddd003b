// What to do next, for error codes whose server message may not say it.
// Screens show the message first and this hint under it; unknown codes get none.

import { IPC_ERROR } from "./index";

const HINTS: Record<string, string> = {
  [IPC_ERROR]: "Check the server address and your connection, then try again.",
  missing_field: "Fill in the highlighted field and try again.",
};

export function hintFor(code: string): string | undefined {
  return HINTS[code];
}
