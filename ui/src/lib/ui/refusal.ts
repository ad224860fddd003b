// How a row's refused edit reads: a heading, the server's words (for a conflict, what
// happened in plain words), a shorter form for a table cell, and what Discard does.

import { describe, type RowProblem } from "../backend";
import { t } from "../i18n.svelte";

export interface ProblemText {
  title: string;
  message: string;
  short: string;
  discardTip: string;
}

/** `thing` names the row's kind. */
export function problemText(problem: RowProblem | null, thing: "dealer" | "line" | "stream" | "settings"): ProblemText {
  if (problem?.code === "version_conflict") {
    return {
      title: t("refused-conflict"),
      message: t("refused-conflict-message", { thing }),
      short: t("refused-conflict-short"),
      discardTip: t("refused-conflict-tip", { thing }),
    };
  }
  const message = problem ? describe(problem) : t("refused-message");
  return { title: t("refused"), message, short: message, discardTip: t("refused-tip") };
}
