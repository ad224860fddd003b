// Unit tests of what logic remains in TypeScript (formatting, the backend adapter, the
// live views): `npm test`, run by the README's test command. Plain Node, no browser: a
// test that needs `document` or the Tauri event bus provides a small stand-in.
import { fileURLToPath } from "node:url";
import { searchForWorkspaceRoot } from "vite";
import { defineConfig } from "vitest/config";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  plugins: [svelte()],
  // The message catalogs live beside ui/, in locales/.
  server: { fs: { allow: [searchForWorkspaceRoot(process.cwd()), fileURLToPath(new URL("../locales", import.meta.url))] } },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
