import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // The Electron binary cannot run on these machines: under vitest, 'electron' is a recording test double
    // (see the file's comment) so that the real IPC handlers, window options and app:// handler can be called.
    alias: [{ find: /^electron$/, replacement: fileURLToPath(new URL('./tests/security/support/electron-double.ts', import.meta.url)) }],
  },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/security/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
