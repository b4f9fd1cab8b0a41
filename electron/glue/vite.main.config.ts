import { defineConfig } from 'vite';
import { EXTERNAL_MODULES } from './external-modules';

// These stay out of the bundle (native, or unbundlable) and are copied in by forge.config.ts's packaging hook.
// The untrusted-file worker is a second entry beside main.cjs: electron/workers/untrusted-entry.ts
// starts it from there as untrusted-worker.cjs (forge's own lib settings name only main.ts).
export default defineConfig({
  build: {
    lib: {
      entry: { main: 'electron/glue/main.ts', 'untrusted-worker': 'electron/workers/untrusted.worker.ts' },
      fileName: (_format, name) => `${name}.cjs`,
      formats: ['cjs'],
    },
    rollupOptions: { external: EXTERNAL_MODULES },
  },
});
