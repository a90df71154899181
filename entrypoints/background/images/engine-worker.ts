import { browser } from 'wxt/browser';
import { createEnginePool, type EnginePool } from './engine-pool';

/**
 * The engine pool of a page that may start workers: Chrome's offscreen
 * document or Firefox's background page. The worker is bundled from the
 * extension's own files; a classic MV3 service worker cannot start one.
 */
export function createPageEnginePool(): EnginePool {
  return createEnginePool({
    // Copied by a build hook (wxt.config.ts), so not among the paths WXT types.
    wasmUrl: new URL('/c2pa.wasm', browser.runtime.getURL('/')).href,
    createWorker: () => new Worker(new URL('./c2pa-engine.worker.ts', import.meta.url), { type: 'module', name: 'verity-c2pa-engine' }),
  });
}
