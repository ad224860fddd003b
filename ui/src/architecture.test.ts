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
