import { afterEach, describe, expect, it, vi } from 'vitest';
import { listenForContentMessages, type ContentMessageHandlers } from './content-messages';

type Listener = (message: unknown, sender: unknown, sendResponse: (response: unknown) => void) => boolean;
const listeners = vi.hoisted(() => new Set<Listener>());
vi.mock('wxt/browser', () => ({
  browser: { runtime: { onMessage: { addListener: (listener: Listener) => listeners.add(listener), removeListener: (listener: Listener) => listeners.delete(listener) } } },
}));

/** Sends a message as the worker does: the answer, and whether it comes later. */
function send(message: unknown): { later: boolean; answer: Promise<unknown> } {
  let later = false;
  const answer = new Promise<unknown>((resolve) => {
    for (const listener of listeners) later = listener(message, {}, resolve) || later;
  });
  return { later, answer };
}

const handlers = (selection: { text: string; within: string[] } | null): Partial<ContentMessageHandlers> => ({
  'reveal-proof': () => ({ found: false }),
  'read-selection': () => selection,
  'show-selection-check': () => ({ shown: true }),
  'verdict-updated': () => ({ ok: true }),
});

afterEach(() => listeners.clear());

describe('listenForContentMessages', () => {
  it('starts the session for a question no one is there to answer, then answers it', async () => {
    const controller = new AbortController();
    const desk = listenForContentMessages({
      signal: controller.signal,
      startFor: ['read-selection'],
      start: async () => desk.register(controller.signal, handlers({ text: 'tides', within: [] })),
    });
    const sent = send({ type: 'read-selection' });
    expect(sent.later).toBe(true);
    await expect(sent.answer).resolves.toEqual({ text: 'tides', within: [] });
    // Once running, answered at once.
    expect(send({ type: 'reveal-proof', id: 'p0' }).later).toBe(false);
  });

  it('leaves other messages, and those of other types, to other listeners while no session runs', () => {
    const start = vi.fn(async () => undefined);
    listenForContentMessages({ signal: new AbortController().signal, startFor: ['read-selection'], start });
    expect(send({ type: 'verdict-updated', id: 'p0' }).later).toBe(false);
    expect(send({ type: 'something-else' }).later).toBe(false);
    expect(send('read-selection').later).toBe(false);
    expect(start).not.toHaveBeenCalled();
  });

  it('stops answering for a session that ended, and stops listening with its own signal', () => {
    const controller = new AbortController();
    const session = new AbortController();
    const desk = listenForContentMessages({ signal: controller.signal, startFor: [], start: async () => undefined });
    desk.register(session.signal, handlers(null));
    expect(send({ type: 'verdict-updated', id: 'p0' }).later).toBe(false);
    session.abort();
    controller.abort();
    expect(listeners.size).toBe(0);
  });
});
