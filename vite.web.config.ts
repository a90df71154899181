import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const require = createRequire(import.meta.url);

/**
 * `npm run build:web`: the static verifier page share links open at (web/),
 * in .output/web/. Relative asset paths, so it can be hosted under any path
 * of any origin; no server of Verity's.
 */
export default defineConfig({
  root: fileURLToPath(new URL('web', import.meta.url)),
  base: './',
  plugins: [react(), tailwindcss()],
  define: { __VERITY_VERSION__: JSON.stringify((require('./package.json') as { version: string }).version) },
  resolve: {
    alias: {
      // As in wxt.config.ts: micromark's entity decoder, one version for every context.
      'decode-named-character-reference': require.resolve('decode-named-character-reference'),
    },
  },
  build: { outDir: fileURLToPath(new URL('.output/web', import.meta.url)), emptyOutDir: true },
});
