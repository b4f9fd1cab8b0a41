import { defineConfig } from 'vite';

// sqlite3 is native: it stays out of the bundle and is copied in by forge.config.ts's packaging hook.
export default defineConfig({
  build: { rollupOptions: { external: ['sqlite3'] } },
});
