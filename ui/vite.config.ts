// Builds the UI the Tauri shell serves. Relative asset paths because the shell loads
// `dist/index.html` from its own protocol, never from a web server's root.
import { fileURLToPath } from "node:url";
import { defineConfig, searchForWorkspaceRoot } from "vite";
import { svelte } from "@sveltejs/vite-plugin-svelte";

export default defineConfig({
  base: "./",
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    // The message catalogs live beside ui/, in locales/ (the server and the core read them too).
    fs: { allow: [searchForWorkspaceRoot(process.cwd()), fileURLToPath(new URL("../locales", import.meta.url))] },
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    // The strict CSP (`default-src 'self'`) forbids inline scripts; keep everything in files.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
});
