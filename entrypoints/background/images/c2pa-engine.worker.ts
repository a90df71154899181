/// <reference lib="webworker" />
import { initSync } from '@contentauth/c2pa-wasm';
import { checkImage } from '../../../lib/c2pa/check-image';
import type { EngineAnswer, EngineJob } from './engine-jobs';

/*
 * The C2PA engine (c2pa-rs in WASM) in a dedicated worker, loaded from the
 * extension's own files. The WASM is compiled on the first job, so a worker
 * that is never asked costs nothing; its memory only grows, so the owner
 * replaces the worker after a number of images (engine-pool.ts).
 */
let started: Promise<void> | undefined;

function start(wasmUrl: string): Promise<void> {
  started ??= WebAssembly.compileStreaming(fetch(wasmUrl)).then((module) => void initSync({ module }));
  return started;
}

self.onmessage = async ({ data: job }: MessageEvent<EngineJob>) => {
  const began = performance.now();
  let answer: EngineAnswer;
  try {
    await start(job.wasmUrl);
    const verdict = await checkImage({ bytes: new Uint8Array(job.bytes), declaredType: job.declaredType, trustAnchors: job.trustAnchors, keepManifestStore: job.keepManifestStore });
    answer = { id: job.id, verdict, ms: performance.now() - began };
  } catch (error) {
    answer = { id: job.id, error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};
