import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerZIP } from '@electron-forge/maker-zip';
import { VitePlugin } from '@electron-forge/plugin-vite';

/** Native modules Vite leaves external; Forge's Vite plugin packages only .vite/, so they are copied in (electron/forge#3738). */
const NATIVE_MODULES = ['sqlite3', 'bindings', 'file-uri-to-path'];

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Byline',
    executableName: 'byline',
    // The sqlite3 .node file cannot be loaded from inside an asar archive.
    asar: { unpack: '**/*.node' },
  },
  makers: [new MakerZIP({}, ['darwin', 'linux', 'win32'])],
  hooks: {
    packageAfterCopy: async (_config, buildPath) => {
      for (const name of NATIVE_MODULES) {
        const from = path.resolve('node_modules', name);
        if (existsSync(from)) cpSync(from, path.join(buildPath, 'node_modules', name), { recursive: true, dereference: true });
      }
    },
  },
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/main.ts', config: 'electron/vite.main.config.ts', target: 'main' },
        { entry: 'electron/preload.ts', config: 'electron/vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'renderer/vite.config.ts' }],
    }),
  ],
};

export default config;
