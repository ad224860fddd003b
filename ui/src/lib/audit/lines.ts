// One activity log entry made ready for the table: its words computed once per read,
// with the text the search box looks through.

import type { AuditEntry } from "../backend";
import { changesOf, lifecycleOf, type FieldChange } from "./changes";
import { actionLabel, actionOutcome, entityLabel, entityName, roleOf, type RoleTone } from "./labels";

export interface AuditLine {
  entry: AuditEntry;
  what: string;
  outcome: string | null;
  which: string;
  kind: string;
  role: { label: string; tone: RoleTone };
  changes: FieldChange[];
  lifecycle: "created" | "removed" | "changed";
  /** Lower-cased text the search matches against. */
  haystack: string;
}

export function lineOf(entry: AuditEntry): AuditLine {
  const what = actionLabel(entry);
  const outcome = actionOutcome(entry);
  const which = entityName(entry);
  const kind = entityLabel(entry.entity);
  const role = roleOf(entry.actor_role);
  const changes = changesOf(entry);
  const haystack = [
    entry.actor_name,
    role.label,
    what,
    outcome ?? "",
    entry.action,
    which,
    kind,
    entry.entity_id,
    ...changes.flatMap((c) => [c.label, c.before ?? "", c.after ?? ""]),
  ]
    .join("\n")
    .toLocaleLowerCase();
  return { entry, what, outcome, which, kind, role, changes, lifecycle: lifecycleOf(entry), haystack };
}

/** The lines of one kind of thing (or all) that contain every word of the search. */
export function filterLines(lines: readonly AuditLine[], search: string, entity: string | null): AuditLine[] {
  const words = search.toLocaleLowerCase().split(/\s+/).filter((w) => w !== "");
  return lines.filter(
    (l) => (entity === null || l.entry.entity === entity) && words.every((w) => l.haystack.includes(w)),
  );
}

/** The kinds of things in the loaded entries, with how many entries each has. */
export function entityKinds(lines: readonly AuditLine[]): Array<{ entity: string; label: string; count: number }> {
  const counts = new Map<string, { label: string; count: number }>();
  for (const l of lines) {
    const k = counts.get(l.entry.entity);
    if (k) k.count++;
    else counts.set(l.entry.entity, { label: l.kind, count: 1 });
  }
  return [...counts]
    .map(([entity, k]) => ({ entity, ...k }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
