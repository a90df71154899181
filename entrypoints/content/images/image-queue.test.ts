import { describe, expect, it } from 'vitest';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { maxPageImageBatch } from '../../../messaging/messages';
import { createImageQueue } from './image-queue';

const verified: ImageVerdict = { state: 'verified', reason: 'valid', failures: [], ai: { generated: true, sources: [] }, ingredients: [] };

function setUp({ signal = new AbortController().signal, send = async (_urls: string[]): Promise<unknown> => ({ ok: true }) } = {}) {
  const batches: string[][] = [];
  const queue = createImageQueue({
    signal,
    send: (urls) => {
      batches.push(urls);
      return send(urls);
    },
  });
  return { queue, batches };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createImageQueue', () => {
  it('sends the URLs asked for in one task as one batch, each URL once per session', async () => {
    const { queue, batches } = setUp();
    for (const url of ['a', 'b', 'a', 'c']) queue.request(url);
    expect(batches).toEqual([]);
    await settle();
    expect(batches).toEqual([['a', 'b', 'c']]);

    queue.request('b');
    queue.request('d');
    await settle();
    expect(batches).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('splits a batch larger than a message may carry', async () => {
    const { queue, batches } = setUp();
    for (let index = 0; index < maxPageImageBatch + 5; index++) queue.request(`u${index}`);
    await settle();
    expect(batches.map((batch) => batch.length)).toEqual([maxPageImageBatch, 5]);
  });

  it('keeps the answers of the URLs it asked about, ignores others, and never asks again after a failed batch', async () => {
    const { queue, batches } = setUp({ send: async () => Promise.reject(new Error('no grant')) });
    queue.request('a');
    queue.request('b');
    await settle();
    expect(queue.answer('a', verified)).toBe(true);
    expect(queue.answer('z', verified)).toBe(false);
    expect(queue.answerOf('a')).toEqual(verified);
    expect(queue.answerOf('b')).toBeUndefined();
    expect(queue.answerOf('z')).toBeUndefined();
    queue.request('b');
    await settle();
    expect(batches).toEqual([['a', 'b']]);
  });

  it('sends nothing, and takes no answer, once the session ended', async () => {
    const stop = new AbortController();
    const { queue, batches } = setUp({ signal: stop.signal });
    queue.request('a');
    stop.abort();
    await settle();
    expect(batches).toEqual([]);
    expect(queue.answer('a', verified)).toBe(false);
  });
});
