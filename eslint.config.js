import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Only the Electron glue may import 'electron' (DESIGN.md): services must run under plain Node. A folder rule, so a new glue file needs no list. */
const ELECTRON_GLUE = ['electron/glue/**'];

export default tseslint.config(
  { ignores: ['.vite/**', 'out/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: "Only the Electron glue imports 'electron'." },
            { name: 'electron-store', message: 'Only electron/glue/settings-electron.ts constructs electron-store.' },
          ],
        },
      ],
    },
  },
  { files: ELECTRON_GLUE, rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'electron', 'electron/*', '../electron/*', '../../electron/*'],
              message: 'The renderer talks to main only through the typed client.',
            },
          ],
        },
      ],
    },
  },
);
