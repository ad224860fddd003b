// What to do next, for error codes whose server message may not say it, and what kind of
// problem each code is (from the domain). Screens show the message first and a hint under it.

import type { Code } from "./bindings/Code";
import type { ProblemKind } from "./bindings/ProblemKind";
import { PROBLEM_KINDS } from "./bindings/problemKinds";
import { t } from "../i18n.svelte";

/** The kind of problem a code is (the domain's `Code::kind`, generated). */
export const problemKind = (code: Code): ProblemKind => PROBLEM_KINDS[code] ?? "unknown";

/** The codes with a hint of their own in the catalogs (`hint-<code>`). */
const HINTED: ReadonlySet<Code> = new Set<Code>(["ipc_error", "missing_field"]);

export function hintFor(code: Code): string | undefined {
  return HINTED.has(code) ? t(`hint-${code.replaceAll("_", "-")}`) : undefined;
}
