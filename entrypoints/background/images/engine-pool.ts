import type { AnchorSet } from '../../../lib/c2pa/anchor-sets';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import type { EngineAnswer, EngineJob } from './engine-jobs';
import { ImageEngineError } from './errors';

export type EngineWorker = Pick<Worker, 'postMessage' | 'terminate' | 'addEventListener'>;

export type CreateEnginePoolParameters = {
  createWorker: () => EngineWorker;
  /** Where the worker fetches the engine's WebAssembly. */
  wasmUrl: string;
  /** Images one worker reads before it is replaced: WASM memory only grows. */
  imagesPerWorker?: number;
};

export type CheckBytesParameters = { bytes: ArrayBuffer; declaredType?: string | undefined; trustAnchors: readonly AnchorSet[]; keepManifestStore?: boolean | undefined };
export type CheckBytesReturnType = { verdict: ImageVerdict | null; ms: number };

type Live = { worker: EngineWorker; given: number; waiting: Map<number, { resolve: (answer: EngineAnswer) => void }> };

/**
 * Runs image checks in the engine worker, one worker at a time: after
 * `imagesPerWorker` images a fresh worker takes the next ones, and the old
 * one is ended as soon as it has answered what it was given.
 */
export function createEnginePool({ createWorker, wasmUrl, imagesPerWorker = 100 }: CreateEnginePoolParameters) {
  let live: Live | undefined;
  let nextId = 1;

  const spawn = (): Live => {
    const fresh: Live = { worker: createWorker(), given: 0, waiting: new Map() };
    fresh.worker.addEventListener('message', (event) => {
      const answer = (event as MessageEvent<EngineAnswer>).data;
      fresh.waiting.get(answer.id)?.resolve(answer);
      fresh.waiting.delete(answer.id);
      if (fresh !== live && fresh.waiting.size === 0) fresh.worker.terminate();
    });
    // A worker that dies (out of memory, a failed load) fails what it was given; the next image gets a new one.
    fresh.worker.addEventListener('error', (event) => {
      const message = (event as ErrorEvent).message || 'the worker stopped';
      for (const [id, { resolve }] of fresh.waiting) resolve({ id, error: message });
      fresh.waiting.clear();
      if (fresh === live) live = undefined;
      fresh.worker.terminate();
    });
    return fresh;
  };

  const workerForNext = (): Live => {
    if (live !== undefined && live.given < imagesPerWorker) return live;
    const retired = live;
    live = spawn();
    if (retired !== undefined && retired.waiting.size === 0) retired.worker.terminate();
    return live;
  };

  return {
    async check({ bytes, declaredType, trustAnchors, keepManifestStore }: CheckBytesParameters): Promise<CheckBytesReturnType> {
      const target = workerForNext();
      target.given += 1;
      const id = nextId++;
      const answer = await new Promise<EngineAnswer>((resolve) => {
        target.waiting.set(id, { resolve });
        const job: EngineJob = { id, wasmUrl, bytes, trustAnchors, ...(declaredType !== undefined && { declaredType }), ...(keepManifestStore === true && { keepManifestStore }) };
        target.worker.postMessage(job, [bytes]);
      });
      if ('error' in answer) throw new ImageEngineError({ reason: answer.error });
      return { verdict: answer.verdict, ms: answer.ms };
    },
    /** Ends the worker, answered or not. */
    dispose(): void {
      live?.worker.terminate();
      live = undefined;
    },
  };
}

export type EnginePool = ReturnType<typeof createEnginePool>;
