// What a number of days does to a line, asked of the core as the user types: the new
// expiry, or why the number cannot be used (the core's rule, the one it applies when the
// line is added or extended). An answer for a number the user has typed past is dropped.

import { backend, type LineDays } from "../backend";
import { latest } from "../ui/latest";

export class LineDaysCheck {
  /** The core's answer for the current number; null while it is asked or not a number. */
  answer: LineDays | null = $state.raw(null);
  readonly #subscriberId: string | null;

  /** `subscriberId`: the line being extended; null for a new line. */
  constructor(subscriberId: string | null) {
    this.#subscriberId = subscriberId;
  }

  /** Asks about `days` (call from an `$effect`; returns its cleanup). */
  ask(days: number | null): () => void {
    if (days === null || !Number.isInteger(days)) {
      this.answer = null;
      return () => undefined;
    }
    return latest(backend.checkLineDays({ subscriber_id: this.#subscriberId, days }), (answer) => (this.answer = answer));
  }

  get expires(): Date | null {
    return this.answer?.expires_at ? new Date(this.answer.expires_at) : null;
  }

  get problem(): string | null {
    return this.answer?.problem ?? null;
  }
}
