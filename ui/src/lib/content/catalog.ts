// Filtering and grouping of the catalog's rows for the table: by category, then name.

import type { StreamRow } from "../backend";
import { locale } from "../format";

export interface CategoryGroup {
  category: string;
  rows: StreamRow[];
}

const collator = new Intl.Collator(locale(), { sensitivity: "base", numeric: true });

/** The distinct categories, in display order, with how many streams each holds. */
export function categoriesOf(rows: readonly StreamRow[]): Array<{ category: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.stream.category, (counts.get(r.stream.category) ?? 0) + 1);
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => collator.compare(a.category, b.category));
}

/** The rows whose name, category or URL contain the search text (case-insensitive). */
export function matching(rows: readonly StreamRow[], search: string, category: string | null): StreamRow[] {
  const needle = search.trim().toLocaleLowerCase();
  return rows.filter((r) => {
    if (category !== null && r.stream.category !== category) return false;
    if (needle === "") return true;
    const s = r.stream;
    return [s.name, s.category, s.stream_url].some((t) => t.toLocaleLowerCase().includes(needle));
  });
}

/** Rows grouped by category, groups and rows in alphabetical order. */
export function grouped(rows: readonly StreamRow[]): CategoryGroup[] {
  const groups = new Map<string, StreamRow[]>();
  for (const r of rows) {
    const list = groups.get(r.stream.category);
    if (list) list.push(r);
    else groups.set(r.stream.category, [r]);
  }
  return [...groups]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([category, list]) => ({
      category,
      rows: list.sort((a, b) => collator.compare(a.stream.name, b.stream.name) || a.stream.id.localeCompare(b.stream.id)),
    }));
}
