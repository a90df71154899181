import { describe, expect, it } from 'vitest';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { createImageQueue, type ImageAnswer } from './image-queue';

const verified: ImageVerdict = { state: 'verified', reason: 'valid', failures: [], ai: { generated: true, sources: [] }, ingredients: [] };

/** A worker whose answers the test releases one URL at a time. */
function heldWorker() {
  const pending = new Map<string, { resolve: (verdict: ImageVerdict | null) => void; reject: (error: Error) => void }>();
  const asked: string[] = [];
  const check = (url: string) =>
    new Promise<ImageVerdict | null>((resolve, reject) => {
      asked.push(url);
      pending.set(url, { resolve, reject });
    });
  return { check, asked, pending };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createImageQueue', () => {
  it('asks about each URL once, at most `limit` at a time, in the order asked', async () => {
    const worker = heldWorker();
    const answers: [string, ImageAnswer][] = [];
    const queue = createImageQueue({ signal: new AbortController().signal, check: worker.check, onAnswer: (url, answer) => answers.push([url, answer]), limit: 2 });
    for (const url of ['a', 'b', 'a', 'c', 'd', 'b']) queue.request(url);
    expect(worker.asked).toEqual(['a', 'b']);

    worker.pending.get('a')?.resolve(verified);
    await settle();
    expect(worker.asked).toEqual(['a', 'b', 'c']);
    expect(queue.answerOf('a')).toEqual(verified);
    expect(queue.answerOf('b')).toBeUndefined();

    worker.pending.get('b')?.resolve(null);
    worker.pending.get('c')?.reject(new Error('worker gone'));
    await settle();
    worker.pending.get('d')?.resolve(null);
    await settle();
    expect(answers).toEqual([
      ['a', verified],
      ['b', null],
      ['c', 'failed'],
      ['d', null],
    ]);
    queue.request('a');
    expect(worker.asked).toEqual(['a', 'b', 'c', 'd']);
  });

  it('asks nothing more, and reports nothing, once the session ended', async () => {
    const worker = heldWorker();
    const stop = new AbortController();
    const answers: string[] = [];
    const queue = createImageQueue({ signal: stop.signal, check: worker.check, onAnswer: (url) => answers.push(url), limit: 1 });
    queue.request('a');
    queue.request('b');
    stop.abort();
    worker.pending.get('a')?.resolve(verified);
    await settle();
    expect(worker.asked).toEqual(['a']);
    expect(answers).toEqual([]);
  });
});
