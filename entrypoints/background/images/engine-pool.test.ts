import { describe, expect, it } from 'vitest';
import type { EngineAnswer, EngineJob } from './engine-jobs';
import { createEnginePool, type EngineWorker } from './engine-pool';
import { ImageEngineError } from './errors';

/** A worker that answers each job when told to, and records what happened to it. */
class ScriptedWorker implements EngineWorker {
  jobs: EngineJob[] = [];
  terminated = false;
  private listeners: Record<string, ((event: unknown) => void)[]> = {};
  postMessage(job: EngineJob): void {
    this.jobs.push(job);
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: unknown) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  answer(answer: EngineAnswer): void {
    for (const listener of this.listeners.message ?? []) listener({ data: answer });
  }
  fail(message: string): void {
    for (const listener of this.listeners.error ?? []) listener({ message });
  }
}

function setUp(imagesPerWorker: number) {
  const workers: ScriptedWorker[] = [];
  const pool = createEnginePool({ imagesPerWorker, wasmUrl: 'chrome-extension://x/c2pa.wasm', createWorker: () => workers[workers.push(new ScriptedWorker()) - 1]! });
  const check = () => pool.check({ bytes: new ArrayBuffer(4), trustAnchors: [] });
  return { pool, workers, check };
}

describe('createEnginePool', () => {
  it('starts no worker before the first image, and gives each answer to its own image', async () => {
    const { workers, check } = setUp(10);
    expect(workers).toHaveLength(0);
    const first = check();
    const second = check();
    const [worker] = workers;
    worker!.answer({ id: worker!.jobs[1]!.id, verdict: null, ms: 2 });
    worker!.answer({ id: worker!.jobs[0]!.id, verdict: null, ms: 1 });
    expect(await first).toEqual({ verdict: null, ms: 1 });
    expect(await second).toEqual({ verdict: null, ms: 2 });
    expect(workers).toHaveLength(1);
  });

  it('replaces the worker after its share of images, ending the old one once it has answered', async () => {
    const { workers, check } = setUp(2);
    const pending = [check(), check(), check()];
    expect(workers).toHaveLength(2);
    expect(workers.map(({ jobs }) => jobs.length)).toEqual([2, 1]);
    expect(workers[0]!.terminated).toBe(false);
    for (const job of workers[0]!.jobs) workers[0]!.answer({ id: job.id, verdict: null, ms: 1 });
    expect(workers[0]!.terminated).toBe(true);
    workers[1]!.answer({ id: workers[1]!.jobs[0]!.id, verdict: null, ms: 1 });
    await Promise.all(pending);
    expect(workers[1]!.terminated).toBe(false);
  });

  it('fails what a dying worker was given, and starts a new one for the next image', async () => {
    const { workers, check } = setUp(10);
    const lost = check();
    workers[0]!.fail('out of memory');
    await expect(lost).rejects.toBeInstanceOf(ImageEngineError);
    void check();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
  });
});
