import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

// One output for both hosts: Forge's Vite plugin builds main_window here too, and web mode serves it.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      // dictionary-ko's exports map names only its JS entry; the spelling worker fetches the .aff and .dic as assets.
      { find: 'dictionary-ko-files', replacement: path.resolve(here, '..', 'node_modules', 'dictionary-ko') },
      // hunspell-asm's ES build calls a namespace import of nanoid as a function, which fails once bundled; its CommonJS build does not.
      { find: /^hunspell-asm$/, replacement: path.resolve(here, '..', 'node_modules', 'hunspell-asm', 'dist', 'cjs', 'index.js') },
    ],
  },
  build: {
    outDir: path.resolve(here, '..', '.vite', 'renderer', 'main_window'),
    emptyOutDir: true,
    sourcemap: true,
    // The spelling worker's check page ships beside the app (renderer/spelling/spelling-check-page.ts).
    rollupOptions: { input: { main: path.join(here, 'index.html'), spelling: path.join(here, 'spelling-check.html') } },
  },
  worker: { format: 'es' },
});
