// Searching and grouping a catalog of streams (the partner's own rows, a linked partner's
// streams): by category, then name; the search ignores case and accents.

import type { Stream } from "../backend";
import { fold, locale } from "../format";

export interface CategoryGroup<T> {
  category: string;
  rows: T[];
}

const collator = new Intl.Collator(locale(), { sensitivity: "base", numeric: true });

/** The distinct categories, in display order, with how many streams each holds. */
export function categoriesOf<T>(rows: readonly T[], of: (row: T) => Stream): Array<{ category: string; count: number }> {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(of(r).category, (counts.get(of(r).category) ?? 0) + 1);
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => collator.compare(a.category, b.category));
}

/** The rows of `category` (null: all) whose name, category or URL contain the search text. */
export function matching<T>(rows: readonly T[], of: (row: T) => Stream, search: string, category: string | null): T[] {
  const needle = fold(search.trim());
  return rows.filter((r) => {
    const s = of(r);
    return (category === null || s.category === category) && (needle === "" || fold(`${s.name} ${s.category} ${s.stream_url}`).includes(needle));
  });
}

/** Rows grouped by category, groups and rows in alphabetical order. */
export function grouped<T>(rows: readonly T[], of: (row: T) => Stream): CategoryGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const list = groups.get(of(r).category);
    if (list) list.push(r);
    else groups.set(of(r).category, [r]);
  }
  return [...groups]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([category, list]) => ({
      category,
      rows: list.sort((a, b) => collator.compare(of(a).name, of(b).name) || of(a).id.localeCompare(of(b).id)),
    }));
}
