import { describe, expect, it, vi } from 'vitest';
import { NoAnswerError } from '../../messaging/client';
import { failureOf, longestRetryDelay, retryDelay, untilAnswered } from './until-answered';

const unreached = () => new Error('Could not establish connection. Receiving end does not exist.');

describe('untilAnswered', () => {
  it('tries again after a worker that was not there, waiting longer each time, until answered', async () => {
    const waits: number[] = [];
    const attempt = vi.fn<() => Promise<string>>()
      .mockRejectedValueOnce(unreached())
      .mockRejectedValueOnce(new Error('The message port closed before a response was received.'))
      .mockRejectedValueOnce(new NoAnswerError('verify-proofs'))
      .mockResolvedValueOnce('answer');
    const answer = await untilAnswered({ signal: new AbortController().signal, attempt, wait: async (ms) => void waits.push(ms) });
    expect(answer).toBe('answer');
    expect(waits).toEqual([250, 500, 1_000]);
  });

  it('waits at most half a minute between tries', () => {
    expect(retryDelay(1)).toBe(250);
    expect(retryDelay(30)).toBe(longestRetryDelay);
  });

  it('stops when its signal aborts', async () => {
    const controller = new AbortController();
    const attempt = vi.fn(async () => {
      throw unreached();
    });
    const answer = await untilAnswered({
      signal: controller.signal,
      attempt,
      wait: async () => controller.abort(),
    });
    expect(answer).toBeUndefined();
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('gives up after a few refusals by the worker, and at once when the extension is gone', async () => {
    const refused = vi.fn(async () => {
      throw new Error('Malformed "verify-proofs" request: pageUrl: too long');
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await untilAnswered({ signal: new AbortController().signal, attempt: refused, wait: async () => {} })).toBeUndefined();
    expect(refused).toHaveBeenCalledTimes(3);
    expect(warn).toHaveBeenCalledOnce();

    const gone = vi.fn(async () => {
      throw new Error('Extension context invalidated.');
    });
    expect(await untilAnswered({ signal: new AbortController().signal, attempt: gone, wait: async () => {} })).toBeUndefined();
    expect(gone).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('tells a missing worker from a refusing one', () => {
    expect(failureOf(unreached())).toBe('unreached');
    expect(failureOf(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'))).toBe('unreached');
    // Chrome's words when the page goes into the back/forward cache with a message under way: asked again once it is back.
    expect(failureOf(new Error('The page keeping the extension port is moved into back/forward cache, so the message channel is closed.'))).toBe('unreached');
    expect(failureOf(new Error('The worker answers no message of type "open-inspector".'))).toBe('refused');
  });
});
