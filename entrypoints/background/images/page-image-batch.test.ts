import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { failedReadVerdict, unreadImageVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { answerPageImages } from './page-image-batch';

const signed = failedReadVerdict('malformed', 'no claim');
const other = failedReadVerdict('unavailable', 'The Content Credentials are kept elsewhere');
const unread = unreadImageVerdict('The image could not be fetched: HTTP 403');

/** Checks that end after the delay named for each URL (ms), with its verdict (none: no manifest; `error`: the check failed). */
function checksEnding(plan: Record<string, [number, ImageVerdict | null | 'error']>) {
  return {
    checkEach: vi.fn(async (urls: readonly string[], onAnswer: (url: string, answer: { verdict: ImageVerdict | null } | { error: unknown }) => void) => {
      for (const url of new Set(urls)) {
        const [ms, verdict] = plan[url]!;
        setTimeout(() => onAnswer(url, verdict === 'error' ? { error: new Error('gone') } : { verdict }), ms);
      }
    }),
  };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('answerPageImages', () => {
  it('answers once every check ended, with the images that have Content Credentials', async () => {
    const onVerdict = vi.fn();
    const sendLate = vi.fn();
    const onUnread = vi.fn();
    const answer = answerPageImages({ urls: ['a', 'b', 'c', 'a'], checks: checksEnding({ a: [10, signed], b: [20, null], c: [30, 'error'] }), onVerdict, onUnread, sendLate });
    await vi.advanceTimersByTimeAsync(30);
    expect(await answer).toEqual({ answered: [{ url: 'a', verdict: signed }] });
    expect(onVerdict).toHaveBeenCalledExactlyOnceWith('a', signed);
    expect(onUnread).not.toHaveBeenCalled();
    expect(sendLate).not.toHaveBeenCalled();
  });

  it('answers nothing of an image it could not read, early or late, and only counts it', async () => {
    const onVerdict = vi.fn();
    const onUnread = vi.fn();
    const sendLate = vi.fn();
    const answer = answerPageImages({ urls: ['kept', 'early', 'late'], checks: checksEnding({ kept: [5, other], early: [10, unread], late: [2_000, unread] }), onVerdict, onUnread, sendLate });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await answer).toEqual({ answered: [{ url: 'kept', verdict: other }] });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sendLate).not.toHaveBeenCalled();
    expect(onVerdict).toHaveBeenCalledExactlyOnceWith('kept', other);
    expect(onUnread.mock.calls).toEqual([['early'], ['late']]);
  });

  it('answers by the deadline with what ended, and sends what ends later on its own', async () => {
    const sendLate = vi.fn();
    let settled = false;
    const answer = answerPageImages({ urls: ['fast', 'slow'], checks: checksEnding({ fast: [5, signed], slow: [5_000, other] }), onVerdict: () => undefined, onUnread: () => undefined, sendLate, answerWithinMs: 1_000 }).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await answer).toEqual({ answered: [{ url: 'fast', verdict: signed }] });
    await vi.advanceTimersByTimeAsync(4_000);
    expect(sendLate).toHaveBeenCalledExactlyOnceWith('slow', other);
  });

  it('passes the refusal of a batch on', async () => {
    const checks = { checkEach: vi.fn(async () => Promise.reject(new Error('Verity may not read this page’s images'))) };
    await expect(answerPageImages({ urls: ['a'], checks, onVerdict: () => undefined, onUnread: () => undefined, sendLate: () => undefined })).rejects.toThrow('may not read');
  });
});
