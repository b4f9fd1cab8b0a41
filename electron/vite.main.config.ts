import { defineConfig } from 'vite';
import { EXTERNAL_MODULES } from './external-modules';

// These stay out of the bundle (native, or unbundlable) and are copied in by forge.config.ts's packaging hook.
export default defineConfig({
  build: { rollupOptions: { external: EXTERNAL_MODULES } },
});
