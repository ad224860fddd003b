// What the Add stream window keeps in TypeScript: an example and its fields' names. The
// rules of its fields are the core's (`check_form`).

export const URL_EXAMPLE = "rtmp://live.example.com/app/channel-1";

/** The form's fields, named as in its arguments. */
export type StreamField = "name" | "category" | "stream_url";
