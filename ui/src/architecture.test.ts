/// <reference types="node" />
// Rules about the UI's shape, checked over its sources.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "bindings" ? [] : sources(path);
    return /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith(".test.ts") ? [path] : [];
  });
}

const files = sources(fileURLToPath(new URL("./lib", import.meta.url))).map((path) => ({
  path,
  text: readFileSync(path, "utf8"),
}));

it("reads the sources it checks", () => {
  expect(files.some((f) => f.path.endsWith("backend/live.svelte.ts"))).toBe(true);
});

it("has no timer that polls: views re-read on the core's change events", () => {
  const polling = files.filter((f) => /\bsetInterval\s*\(/.test(f.text)).map((f) => f.path);
  expect(polling).toEqual([]);
});

// Rules that live in Rust (the domain, the core's views, the server) and must not come
// back as TypeScript copies: the names of the functions and constants that once held them
// here, and the formulas' tell-tale numbers.
const RULES_IN_RUST: Array<[RegExp, string]> = [
  [/\bPURGE_AFTER_DAYS\b|\bpurgeAt\s*\(|\baccessEndsAt\s*\(|\btrialEnded\s*\(/, "the lifecycle's dates (SubscriptionView, BillingView)"],
  [/\bproratedMinor\b|\bchangeRule\b|\bcurrentPeriod\s*\(/, "the package-change rule (package_choices)"],
  [/\bINVOICE_LEAD_DAYS\b/, "the next invoice date (next_invoice_at in BillingView and SubscriptionView)"],
  [
    /\binvoiceStatus\s*\(|\bopenInvoices\s*\(|\bdueMinor\s*\(|amount_minor\s*-\s*[\w.]*paid_minor|paid_minor\s*>=?\s*[\w.]*amount_minor/,
    "an invoice's status and what is left to pay (InvoiceView.status, due_minor)",
  ],
  [/\bdaysUntil\s*\(|\b86_?400_?000\b/, "the days until access ends or the data goes (days_left, days_to_purge)"],
  [/\b1098\b|\bDAYS_MAX\b|\bextendedExpiry\b|\bexpiryAfter\b/, "how long a line may run (check_line_days)"],
  [/\bpreviewOf\s*\(/, "the reseller directory card (preview_reseller_settings)"],
  [/status === "pending"[^;]*problem === null/, "where a reseller stands with a partner (RequestsView.relations)"],
  // What people may type: every form asks the core (check_form).
  [/\bPASSWORD_(MIN|MAX)\b|\bMIN_LENGTH\b|\bcheckPassword\s*\(/, "the password policy (check_form)"],
  [/\bcheckUsername\s*\(|a-z0-9\._-/, "what a dealer's username may be (check_form)"],
  [
    /\b(TEXT_MAX|MAX_TEXT_LEN|NOTE_MAX|URL_MAX|MESSAGE_MAX|REASON_MAX)\b|\bcheck(Text|Detail|Message|OptionalReason|RequiredReason)\s*\(/,
    "how long typed text may be (check_form)",
  ],
  [/\\u0000-\\u00[01]|\\p\{Cc\}/i, "control characters in typed text (check_form)"],
  [/0-9a-fA-F\]\{12\}|\bnormalMac\s*\(|\bcheckMac\s*\(/, "what a MAC address is (check_form)"],
  [/\bURL_SCHEMES\b|\bcheckStreamUrl\s*\(/, "what a stream URL is (check_form)"],
  [/\bcheck(Optional)?(Email|Phone)\s*\(|\{6,14\}/, "what an e-mail address or phone number is (check_form)"],
];

it("holds no copy of a rule that lives in Rust", () => {
  const copies = files.flatMap((f) =>
    RULES_IN_RUST.filter(([pattern]) => pattern.test(f.text)).map(([, what]) => `${f.path}: ${what}`),
  );
  expect(copies).toEqual([]);
});

it("would see such a copy", () => {
  const copies = [
    "export function proratedMinor(a: number, b: number) { return b - a; }",
    "export function daysUntil(iso: string, now: Date): number {",
    "const DAY_MS = 86_400_000;",
    "const due = Math.max(0, inv.amount_minor - inv.paid_minor);",
    'if (inv.paid_at !== null || inv.paid_minor >= inv.amount_minor) return "paid";',
    "const open = openInvoices(view.invoices);",
    "export const PASSWORD_MIN = 10;",
    "if (/[^a-z0-9._-]/.test(v)) return \"Use only letters\";",
    "const MESSAGE_MAX = 2000;",
    "if (/[\\u0000-\\u001f\\u007f-\\u009f]/.test(v)) return null;",
    "if (!/^[0-9a-fA-F]{12}$/.test(hex)) return null;",
    "if (!/^[1-9][0-9]{6,14}$/.test(digits)) return null;",
  ];
  for (const copy of copies) expect(RULES_IN_RUST.some(([pattern]) => pattern.test(copy)), copy).toBe(true);
});


// Text a person reads comes from the catalogs (`locales/`, through `t()`), never from a
// component: every component is checked, a new one too.

/** The English a component's markup holds: text between tags and text attributes. */
function literals(svelte: string): string[] {
  const markup = svelte
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<!--[\s\S]*?-->/g, "");
  const found: string[] = [];
  // Attributes a person reads (title, label, hint, busyLabel, …): a plain value that starts
  // with a capital letter or is words with a space, except those naming code (class, id…).
  for (const m of markup.matchAll(/\s([\w:-]+)="([^"{]*)"/g)) {
    const [name = "", value = ""] = [m[1], m[2]];
    if (/^(class|id|for|type|role|name|data-[\w-]+|autocomplete|inputmode|href|src|lang|style|d|viewBox)$/.test(name)) continue;
    if (/[A-Za-z]{2,}/.test(value) && (/^[A-Z]/.test(value) || /\s\S/.test(value.trim()) || /…/.test(value))) found.push(value);
  }
  // Text nodes: drop the tags and the {expressions} (a tag's ">" may sit inside one).
  let depth = 0;
  let inTag = false;
  let text = "";
  let expressions = "";
  for (const c of markup) {
    if (c === "{") depth++;
    else if (c === "}") (depth = Math.max(0, depth - 1)), (expressions += " ");
    else if (depth > 0) expressions += c;
    else if (c === "<") inTag = true;
    else if (c === ">" && inTag) (inTag = false), (text += " ");
    else if (!inTag) text += c;
  }
  for (const m of text.matchAll(/[A-Za-z][A-Za-z' ,.!?:;-]*[A-Za-z]/g)) found.push(m[0]);
  // Words in an expression's strings ("Discarding…", `Pay ${n}`), not ids ("sign-out").
  for (const m of expressions.matchAll(/"([^"]*)"|'([^']*)'|`([^`]*)`/g)) {
    // Interpolated names ($n) and ids ("audit-details-", "-confirm") are not words.
    const s = (m[1] ?? m[2] ?? m[3] ?? "")
      .replace(/\$[\w.]+/g, "")
      .replace(/\S*-\S*/g, "")
      .replace(/\.\w+/g, "");
    if (/[A-Za-z]{2,}/.test(s) && (/\s|…/.test(s) || /^[A-Z][a-z]/.test(s))) found.push(s);
  }
  return found.map((s) => s.trim()).filter((s) => s.length > 1);
}

it("shows no text of a component's own: every component speaks through the catalogs", () => {
  const own = files
    .filter((f) => f.path.endsWith(".svelte"))
    .flatMap((f) => literals(f.text).map((l) => `${f.path.slice(f.path.indexOf("/lib/") + 5)}: ${l}`));
  expect(own).toEqual([]);
});

it("finds the English a component holds", () => {
  expect(literals('<p class="x">Sign out {n}</p><b title="Go on">{t("a")}</b>')).toEqual(["Go on", "Sign out"]);
  expect(literals('<T label="Server address" busyLabel="Signing in…" class="row-button danger" />')).toEqual([
    "Server address",
    "Signing in…",
  ]);
  expect(literals('<p>{t("sign-out")}</p><i aria-hidden="true"></i>')).toEqual([]);
  expect(literals('<b>{busy ? "Discarding…" : t("discard")}</b><i class:x={a === "primary"}></i>')).toEqual(["Discarding…"]);
});
