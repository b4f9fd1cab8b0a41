import { cpSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { MakerZIP } from '@electron-forge/maker-zip';
import { VitePlugin } from '@electron-forge/plugin-vite';
import { EXTERNAL_MODULES, withDependencies } from './electron/glue/external-modules';

const config: ForgeConfig = {
  packagerConfig: {
    name: 'Byline',
    executableName: 'byline',
    // Native code cannot be loaded from inside an asar archive: sqlite3's and sharp's .node files, and
    // the libvips shared library beside sharp's binding.
    asar: { unpack: '{**/*.node,**/node_modules/@img/sharp-*/**}' },
    // The search ranking function (native/byline-rank.c), built by npm install for this platform; search falls back to bm25() without it.
    extraResource: existsSync('build/native') ? ['build/native'] : [],
  },
  makers: [new MakerZIP({}, ['darwin', 'linux', 'win32'])],
  hooks: {
    packageAfterCopy: async (_config, buildPath) => {
      // sharp's optional @img/sharp-<platform> packages are followed too: only this machine's are installed.
      for (const name of withDependencies(EXTERNAL_MODULES)) {
        cpSync(path.resolve('node_modules', name), path.join(buildPath, 'node_modules', name), { recursive: true, dereference: true });
      }
    },
  },
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'electron/glue/main.ts', config: 'electron/glue/vite.main.config.ts', target: 'main' },
        { entry: 'electron/glue/preload.ts', config: 'electron/glue/vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'renderer/vite.config.ts' }],
    }),
  ],
};

export default config;
