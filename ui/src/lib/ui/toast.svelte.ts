// Short confirmations and failures shown in the corner for a few seconds.

import { t } from "../i18n.svelte";

export type ToastTone = "success" | "error" | "info";

export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
  /** What to do next, for errors. */
  hint?: string | undefined;
}

const SHOWN_FOR_MS = { success: 3500, info: 4500, error: 8000 } as const;

let nextId = 1;

export const toasts: Toast[] = $state([]);

export function dismiss(id: number): void {
  const i = toasts.findIndex((t) => t.id === id);
  if (i >= 0) toasts.splice(i, 1);
}

/** Clears every toast, e.g. when the account changes: one account's news is not another's. */
export function clearToasts(): void {
  toasts.splice(0, toasts.length);
}

/** The hint of a success toast while offline: what happens to the change. */
export const syncLater = (): string => t("sync-later");

export function toast(tone: ToastTone, message: string, hint?: string): void {
  const id = nextId++;
  toasts.push({ id, tone, message, hint });
  // Keep the stack short: the oldest goes first.
  if (toasts.length > 4) toasts.shift();
  setTimeout(() => dismiss(id), SHOWN_FOR_MS[tone]);
}
