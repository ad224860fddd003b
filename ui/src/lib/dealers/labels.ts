// Words for dealer states and refused edits, shared by the table and the dialogs.

import type { DealerState, RowProblem } from "../backend";

export const VERSION_CONFLICT = "version_conflict";

export function statusLabel(status: DealerState): string {
  return status === "active" ? "Active" : "Inactive";
}

export interface ProblemText {
  /** A short heading: "Conflict" or "Rejected". */
  title: string;
  /** The server's message, or for a conflict what happened in plain words. */
  message: string;
  /** The message as it fits in a table cell. */
  short: string;
  /** What "Discard" does. */
  discardTip: string;
}

/** How a refused edit reads in its row. */
export function problemText(problem: RowProblem | null): ProblemText {
  if (problem?.code === VERSION_CONFLICT) {
    return {
      title: "Conflict",
      message: "Another device changed this dealer first; your change was not applied.",
      short: "Another device changed it first.",
      discardTip: "Drop your change and show the dealer as the other device left it; then edit again if needed.",
    };
  }
  return {
    title: "Rejected",
    message: problem?.message || "The server refused this change.",
    short: problem?.message || "The server refused this change.",
    discardTip: "Drop the refused change and show what the server has.",
  };
}
