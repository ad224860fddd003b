// Svelte compiler options shared by Vite and svelte-check.
export default {
  compilerOptions: {
    // Runes everywhere: no legacy reactivity.
    runes: true,
  },
};
