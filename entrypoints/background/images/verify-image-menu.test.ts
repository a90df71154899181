import { describe, expect, it, vi } from 'vitest';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { ImageEngineError } from './errors';
import { verifyImageFromMenu, type VerifyImageFromMenuParameters } from './verify-image-menu';

const url = 'https://news.example/photo.jpg';
const verified: ImageVerdict = { state: 'verified', reason: 'valid', failures: [], ai: { generated: true, sources: [] }, ingredients: [] };

function setup(access: boolean, change: Partial<VerifyImageFromMenuParameters> = {}) {
  const shown: { url: string; verdict: ImageVerdict | null }[] = [];
  const parameters: VerifyImageFromMenuParameters = {
    url,
    hasAccess: async () => access,
    checks: { check: vi.fn(async () => ({ verdict: verified })) },
    readInFrame: vi.fn(async () => ({ bytes: 'AAAA', contentType: 'image/jpeg' })),
    checker: { checkImage: vi.fn(async () => ({ verdict: verified })), checkImageBytes: vi.fn(async () => ({ verdict: null, engineMs: 1 })) },
    show: async (answer) => void shown.push(answer),
    ...change,
  };
  return { parameters, shown };
}

describe('verifyImageFromMenu', () => {
  it('has the worker fetch the image when the reader granted image access', async () => {
    const { parameters, shown } = setup(true);
    await verifyImageFromMenu(parameters);
    expect(parameters.readInFrame).not.toHaveBeenCalled();
    expect(shown).toEqual([{ url, verdict: verified }]);
  });

  it('without the grant, checks the bytes the image’s frame read', async () => {
    const { parameters, shown } = setup(false);
    await verifyImageFromMenu(parameters);
    expect(parameters.checks.check).not.toHaveBeenCalled();
    expect(parameters.checker.checkImageBytes).toHaveBeenCalledWith({ bytes: 'AAAA', contentType: 'image/jpeg' });
    expect(shown).toEqual([{ url, verdict: null }]);
  });

  it('has the worker fetch an image from another site when the reader let Verity read that site', async () => {
    const { parameters, shown } = setup(false, { siteAccess: Promise.resolve(true) });
    await verifyImageFromMenu(parameters);
    expect(parameters.checker.checkImage).toHaveBeenCalledWith(url);
    expect(parameters.readInFrame).not.toHaveBeenCalled();
    expect(parameters.checks.check).not.toHaveBeenCalled();
    expect(shown).toEqual([{ url, verdict: verified }]);
  });

  it('falls back on the frame’s own read when the reader refused that site', async () => {
    const { parameters } = setup(false, { siteAccess: Promise.resolve(false) });
    await verifyImageFromMenu(parameters);
    expect(parameters.checker.checkImage).not.toHaveBeenCalled();
    expect(parameters.readInFrame).toHaveBeenCalledWith(url);
  });

  it('shows what could not be read, or checked, as unavailable with the reason', async () => {
    const unread = setup(false, { readInFrame: async () => ({ error: 'The image could not be fetched: HTTP 403' }) });
    await verifyImageFromMenu(unread.parameters);
    expect(unread.shown[0]?.verdict).toMatchObject({ state: 'unavailable', imageUnread: true, reason: 'The image could not be fetched: HTTP 403' });

    const failed = setup(true, { checks: { check: async () => Promise.reject(new ImageEngineError({ reason: 'worker died' })) } });
    await verifyImageFromMenu(failed.parameters);
    expect(failed.shown[0]?.verdict).toMatchObject({ state: 'unavailable', imageUnread: true, reason: 'The image could not be checked' });
  });
});
