import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { initSync } from '@contentauth/c2pa-wasm';

/**
 * Starts the C2PA engine (c2pa-rs in WASM) in this Node process, once: the
 * same engine the extension runs, compiled from the package's own .wasm file.
 */
export function startC2paEngine(): void {
  const wasmPath = createRequire(import.meta.url).resolve('@contentauth/c2pa-wasm/c2pa.wasm');
  initSync({ module: readFileSync(wasmPath) });
}
