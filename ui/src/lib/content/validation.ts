// Inline checks of a new stream, mirroring the core's rules (add_stream in
// crates/wpplay-desktop/src/core/network.rs) so people see problems as they type. The
// core checks again and its answer wins.

import type { ErrorBody } from "../backend";
/** The longest name or category the core accepts. */
export const TEXT_MAX = 200;
/** The longest stream URL the core accepts. */
export const URL_MAX = 2048;

export const URL_SCHEMES = ["http://", "https://", "rtmp://", "rtsp://", "udp://"] as const;
export const URL_EXAMPLE = "rtmp://live.example.com/app/channel-1";

/** A required short text (name, category); `quiet` hides "required" until the user has left the field. */
export function checkStreamText(value: string, what: string, quiet: boolean): string | null {
  const v = value.trim();
  if (v === "") return quiet ? null : `Enter the ${what}.`;
  if ([...v].length > TEXT_MAX) return `Keep the ${what} under ${TEXT_MAX} characters (now ${[...v].length}).`;
  return null;
}

/** What is wrong with a stream URL, if anything. */
export function checkStreamUrl(value: string, quiet: boolean): string | null {
  const v = value.trim();
  if (v === "") return quiet ? null : "Enter the stream's URL.";
  if (/[\s\p{Cc}]/u.test(v)) return "A stream URL has no spaces; encode them as %20.";
  const lower = v.toLowerCase();
  if (!URL_SCHEMES.some((s) => lower.startsWith(s))) {
    // While the user is still typing the scheme ("rtm"), do not shout yet.
    if (quiet && URL_SCHEMES.some((s) => s.startsWith(lower))) return null;
    return "Start the URL with http://, https://, rtmp://, rtsp:// or udp://.";
  }
  if (v.length > URL_MAX) return `Keep the URL under ${URL_MAX} characters.`;
  return null;
}

export type StreamField = "name" | "category" | "url";

/** The form field a core error is about, if it names one (codes only, never messages). */
export function fieldOfError(error: ErrorBody): StreamField | null {
  return error.code === "invalid_stream_url" ? "url" : null;
}
