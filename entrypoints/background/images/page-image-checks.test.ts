import { describe, expect, it, vi } from 'vitest';
import { unreadImageVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { checksAtOnce, createPageImageChecks } from './page-image-checks';

const verified: ImageVerdict = { state: 'verified', reason: 'valid', failures: [], ai: { generated: true, sources: [] }, ingredients: [] };

function setup({ access = true, verdict = verified as ImageVerdict | null, checkImage = vi.fn(async (_url: string) => ({ verdict, engineMs: 5 })) } = {}) {
  const items = new Map<string, unknown>();
  const store = {
    get: async (key: string) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (entries: Record<string, unknown>) => void Object.entries(entries).forEach(([key, value]) => items.set(key, structuredClone(value))),
  };
  let anchors = [{ source: 'reader' as const, pem: 'anchor A' }];
  const checks = createPageImageChecks({ checker: { checkImage }, hasAccess: async () => access, trustAnchors: async () => anchors, store });
  return { checks, checkImage, items, setAnchors: (next: string) => (anchors = [{ source: 'reader', pem: next }]) };
}

describe('createPageImageChecks', () => {
  it('checks each URL once, sharing a check asked for twice at once, and keeps the answer for the session', async () => {
    const { checks, checkImage } = setup();
    const [first, second] = await Promise.all([checks.check('https://a.example/1.jpg'), checks.check('https://a.example/1.jpg')]);
    expect(first.verdict?.state).toBe('verified');
    expect(second.verdict?.state).toBe('verified');
    expect((await checks.check('https://a.example/1.jpg')).verdict?.state).toBe('verified');
    expect(checkImage).toHaveBeenCalledTimes(1);
  });

  it('keeps "no manifest" too, but checks again an image it could not read', async () => {
    const none = setup({ verdict: null });
    await none.checks.check('https://a.example/plain.jpg');
    expect(await none.checks.check('https://a.example/plain.jpg')).toEqual({ verdict: null });
    expect(none.checkImage).toHaveBeenCalledTimes(1);

    const failed = setup({ verdict: unreadImageVerdict('The image could not be fetched: HTTP 503') });
    await failed.checks.check('https://a.example/busy.jpg');
    await failed.checks.check('https://a.example/busy.jpg');
    expect(failed.checkImage).toHaveBeenCalledTimes(2);
  });

  it('checks again once the reader’s anchors changed', async () => {
    const { checks, checkImage, setAnchors } = setup();
    await checks.check('https://a.example/1.jpg');
    setAnchors('anchor B');
    await checks.check('https://a.example/1.jpg');
    expect(checkImage).toHaveBeenCalledTimes(2);
  });

  it('refuses without the reader’s grant, a batch whole', async () => {
    const { checks, checkImage } = setup({ access: false });
    await expect(checks.check('https://a.example/1.jpg')).rejects.toThrow('Verity may not read this page’s images');
    await expect(checks.checkEach(['https://a.example/1.jpg'], () => undefined)).rejects.toThrow('Verity may not read this page’s images');
    expect(checkImage).not.toHaveBeenCalled();
  });

  it('checks a batch at most checksAtOnce at a time, telling each answer as it comes; a cached one waits for no turn', async () => {
    const held = new Map<string, (check: { verdict: ImageVerdict | null }) => void>();
    const checkImage = vi.fn((url: string) => new Promise<{ verdict: ImageVerdict | null; engineMs: number }>((resolve) => held.set(url, (check) => resolve({ ...check, engineMs: 1 }))));
    const { checks } = setup({ checkImage });
    const answers: [string, unknown][] = [];
    const urls = Array.from({ length: checksAtOnce + 2 }, (_, index) => `https://a.example/${index}.jpg`);
    await checks.checkEach(urls, (url, answer) => answers.push([url, answer]));
    await vi.waitFor(() => expect(checkImage).toHaveBeenCalledTimes(checksAtOnce));
    held.get(urls[1]!)!({ verdict: null });
    await vi.waitFor(() => expect(checkImage).toHaveBeenCalledTimes(checksAtOnce + 1));
    expect(answers).toEqual([[urls[1], { verdict: null, engineMs: 1 }]]);

    // Known already: answered while every turn is taken.
    await checks.checkEach([urls[1]!], (url, answer) => answers.push([url, answer]));
    await vi.waitFor(() => expect(answers).toHaveLength(2));
    expect(answers[1]).toEqual([urls[1], { verdict: null }]);
    expect(checkImage).toHaveBeenCalledTimes(checksAtOnce + 1);
  });
});
