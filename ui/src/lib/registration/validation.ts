// Inline checks of the registration and profile fields, mirroring the domain's rules
// (crates/wpplay-domain/src/validate.rs) so people see problems as they type. The server
// checks again and its answer wins.

export const MAX_TEXT_LEN = 200;

/** A required free-text field; `what` names it in the message ("company name"). */
export function checkText(value: string, what: string): string | null {
  const v = value.trim();
  if (v === "") return `Enter the ${what}.`;
  if ([...v].length > MAX_TEXT_LEN) return `Use at most ${MAX_TEXT_LEN} characters.`;
  // Control characters cannot be typed but can be pasted.
  if (/[\u0000-\u001f\u007f-\u009f]/.test(v)) return "Remove the invisible control characters.";
  return null;
}

const LOCAL = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/i;
const LABEL = /^[a-z0-9-]{1,63}$/i;

export function checkEmail(value: string): string | null {
  const v = value.trim();
  if (v === "") return "Enter the e-mail address.";
  const bad = "Enter a valid e-mail address, e.g. ana@acme.rs.";
  const at = v.indexOf("@");
  if (at < 0 || v.length > 254) return bad;
  const local = v.slice(0, at);
  const labels = v.slice(at + 1).split(".");
  const tld = labels[labels.length - 1] ?? "";
  const localOk =
    local.length > 0 &&
    local.length <= 64 &&
    LOCAL.test(local) &&
    !local.startsWith(".") &&
    !local.endsWith(".") &&
    !local.includes("..");
  const domainOk =
    labels.length >= 2 &&
    labels.every((l) => LABEL.test(l) && !l.startsWith("-") && !l.endsWith("-")) &&
    /^[a-z]{2,}$/i.test(tld);
  return localOk && domainOk ? null : bad;
}

export const PHONE_EXAMPLE = "+381 64 123 4567";

export function checkPhone(value: string): string | null {
  const v = value.trim();
  if (v === "") return "Enter the phone number.";
  const compact = v.replace(/[\s\-.()]/g, "");
  const digits = compact.startsWith("+")
    ? compact.slice(1)
    : compact.startsWith("00")
      ? compact.slice(2)
      : null;
  if (digits === null) return `Start with + and the country code, e.g. ${PHONE_EXAMPLE}.`;
  if (!/^[1-9][0-9]{6,14}$/.test(digits)) {
    return `Use the international form: + then 7 to 15 digits, e.g. ${PHONE_EXAMPLE}.`;
  }
  return null;
}
