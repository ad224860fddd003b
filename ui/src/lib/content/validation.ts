// What the Add stream window keeps in TypeScript: an example and where a core error
// belongs. The rules of its fields are the core's (`check_form`).

import type { ErrorBody } from "../backend";

export const URL_EXAMPLE = "rtmp://live.example.com/app/channel-1";

/** The form's fields, named as in its arguments. */
export type StreamField = "name" | "category" | "stream_url";

/** The form field a core error is about, if it names one (codes only, never messages). */
export function fieldOfError(error: ErrorBody): StreamField | null {
  const field = error.field ?? (error.code === "invalid_stream_url" ? "stream_url" : undefined);
  return field === "name" || field === "category" || field === "stream_url" ? field : null;
}
