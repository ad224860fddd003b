// The app's "now". The desktop core owns time: its clock is the system clock, except in a
// debug build whose tests move it through the calendar. Every read of the dashboard says
// how far the core runs ahead, and every date the UI computes starts from here, so the
// UI and the core never disagree about how many days are left.

let aheadMs = 0;

/** The current time as the core sees it. */
export function now(): Date {
  return new Date(Date.now() + aheadMs);
}

/** Records how far the core's clock runs ahead of the system time (from the dashboard). */
export function setClockAhead(ms: number): void {
  aheadMs = Number.isFinite(ms) ? ms : 0;
}
