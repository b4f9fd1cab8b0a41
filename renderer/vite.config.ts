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
  build: {
    outDir: path.resolve(here, '..', '.vite', 'renderer', 'main_window'),
    emptyOutDir: true,
    sourcemap: true,
  },
});
