// How a row's refused edit reads: a heading, the server's words (for a conflict, what
// happened in plain words), a shorter form for a table cell, and what Discard does.

import type { RowProblem } from "../backend";

export interface ProblemText {
  title: string;
  message: string;
  short: string;
  discardTip: string;
}

/** `thing` names the row's kind: "dealer", "line". */
export function problemText(problem: RowProblem | null, thing: string): ProblemText {
  if (problem?.code === "version_conflict") {
    return {
      title: "Conflict",
      message: `Another device changed this ${thing} first; your change was not applied.`,
      short: "Another device changed it first.",
      discardTip: `Drop your change and show the ${thing} as the other device left it; then edit again if needed.`,
    };
  }
  const message = problem?.message || "The server refused this change.";
  return { title: "Rejected", message, short: message, discardTip: "Drop the refused change and show what the server has." };
}
