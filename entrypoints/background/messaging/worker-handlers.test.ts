import { failedReadVerdict, unreadImageVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { describe, expect, it, vi } from 'vitest';
import { defaultTrustConfig } from '../../../lib/trust/defaults';
import type { PastedCheck } from '../../../messaging/messages';
import type { MessageContext } from './router';
import { referenceProof, verdictOf } from '../../../test/fakes/worker-fixtures';
import type { TrustState } from '../verification/trust-state';
import type { VerificationService } from '../verification/verification-service';
import { createWorkerHandlers } from './worker-handlers';
import { createTabIntegrity } from '../integrity/tab-integrity';

/** storage.session as far as the tab records use it. */
function fakeSessionStore() {
  const items = new Map<string, unknown>();
  return {
    get: async (key: string) => (items.has(key) ? { [key]: items.get(key) } : {}),
    set: async (values: Record<string, unknown>) => void Object.entries(values).forEach(([key, value]) => items.set(key, structuredClone(value))),
    remove: async (key: string) => void items.delete(key),
  };
}

const trustState: TrustState = {
  config: defaultTrustConfig,
  provenance: { 'chains.31337.rpc': 'user' },
  managed: '{"chains": 1}',
  managedError: 'chains: must be an object',
  user: { chains: {} },
  stamp: 'stamp',
};
const content: MessageContext = { kind: 'content-script', tabId: 4, frameId: 0, documentId: 'D', prerendering: false, incognito: false };
const popup: MessageContext = { kind: 'extension-page', tabId: undefined, frameId: 0, documentId: undefined, prerendering: false, incognito: false };

const pasted: PastedCheck = { kind: 'problem', input: 'empty', message: 'Paste something.' };

function setUp() {
  const service = {
    forgetProofs: vi.fn(async () => undefined),
    verifyProofs: vi.fn(),
    verifyStandalone: vi.fn(async () => verdictOf('verified')),
  } as unknown as VerificationService;
  const openInspector = vi.fn(async () => undefined);
  const probeRpc = vi.fn(async () => ({ ok: true as const, blockNumber: 123n, latencyMs: 7 }));
  const selections = { latest: vi.fn(async () => null) };
  const checkPasted = vi.fn(async () => pasted);
  const report = vi.fn(async () => null);
  const history = { pasted: vi.fn(async () => undefined), shared: vi.fn(async () => undefined), image: vi.fn(async () => undefined) };
  const openTrustSigner = vi.fn(async () => undefined);
  const images = { checkImage: vi.fn(async (): Promise<{ verdict: ImageVerdict | null }> => ({ verdict: null })) };
  // Answers each URL with the verdict the test names for it (none: no manifest), as the worker's checks would, later.
  const pageVerdicts = new Map<string, ImageVerdict>();
  const pageImages = {
    checkEach: vi.fn(async (urls: readonly string[], onAnswer: (url: string, answer: { verdict: ImageVerdict | null } | { error: unknown }) => void) => {
      for (const url of urls) setTimeout(() => onAnswer(url, url.includes('broken') ? { error: new Error('offscreen gone') } : { verdict: pageVerdicts.get(url) ?? null }), 0);
    }),
  };
  const showPageImage = vi.fn(async () => ({ ok: true }));
  const tabImages = { record: vi.fn(async () => undefined), recordUnread: vi.fn(async () => undefined), list: vi.fn(async () => []), unreadCount: vi.fn(async () => 1) };
  const openImageInspector = vi.fn(async () => undefined);
  const integrity = createTabIntegrity(fakeSessionStore());
  const showIntegrity = vi.fn(async () => undefined);
  const framesAround = { look: vi.fn(async () => ({ doubts: ['covered' as const] })), labelled: vi.fn() };
  const handlers = createWorkerHandlers({ service, trust: async () => trustState, openInspector, openImageInspector, openTrustSigner, probeRpc, selections, checkPasted, report, history, images, pageImages, showPageImage, tabImages, integrity, showIntegrity, framesAround });
  return { handlers, framesAround, showIntegrity, service, images, pageImages, pageVerdicts, showPageImage, tabImages, history, openInspector, openImageInspector, openTrustSigner, probeRpc, selections, checkPasted, report };
}

describe('createWorkerHandlers', () => {
  it('answers trust-config with every layer, the managed error and the provenance', async () => {
    expect(await setUp().handlers['trust-config']({}, popup)).toEqual({
      effective: defaultTrustConfig,
      managed: '{"chains": 1}',
      managedError: 'chains: must be an object',
      user: { chains: {} },
      provenance: { 'chains.31337.rpc': 'user' },
    });
  });

  it('answers test-rpc with a block number that can cross the message boundary', async () => {
    const { handlers, probeRpc } = setUp();
    expect(await handlers['test-rpc']({ url: 'http://127.0.0.1:8545', chainId: 31337 }, popup)).toEqual({ ok: true, blockNumber: '123', latencyMs: 7 });
    expect(probeRpc).toHaveBeenCalledWith({ url: 'http://127.0.0.1:8545', chainId: 31337 });
  });

  it("opens the inspector on the sender's own tab", async () => {
    const { handlers, openInspector } = setUp();
    expect(await handlers['open-inspector']({ id: 'p3' }, content)).toEqual({ ok: true });
    expect(openInspector).toHaveBeenCalledWith(4, 'p3');
  });

  it("opens the inspector on a frame's proof by its id in the tab", async () => {
    const { handlers, openInspector } = setUp();
    await handlers['open-inspector']({ id: 'p3' }, { ...content, frameId: 5 });
    expect(openInspector).toHaveBeenCalledWith(4, 'f5.p3');
  });

  it("opens the inspector on an image of the sender's tab, and never for a page of the extension", async () => {
    const { handlers, openImageInspector, images } = setUp();
    expect(await handlers['open-image-inspector']({ url: 'https://img.example/a.jpg' }, content)).toEqual({ ok: true });
    expect(openImageInspector).toHaveBeenCalledWith(4, 'https://img.example/a.jpg');
    await expect(handlers['open-image-inspector']({ url: 'https://img.example/a.jpg' }, popup)).rejects.toThrow('speaks for a tab');
    await handlers['check-image']({ url: 'https://img.example/a.jpg' }, popup);
    expect(images.checkImage).toHaveBeenCalledWith('https://img.example/a.jpg', { keepManifestStore: true });
  });

  it('records in the history an image a page showed, and one opened from a share link, but not the inspector’s check of a page’s image', async () => {
    const { handlers, images, pageVerdicts, history } = setUp();
    const verdict = failedReadVerdict('malformed', 'no claim');
    pageVerdicts.set('https://img.example/a.jpg', verdict);
    images.checkImage.mockResolvedValue({ verdict });
    await handlers['check-page-images']({ urls: ['https://img.example/a.jpg'] }, content);
    expect(history.image).toHaveBeenCalledWith(4, { imageUrl: 'https://img.example/a.jpg', verdict, source: 'page' });
    await handlers['check-image']({ url: 'https://img.example/a.jpg', pageUrl: 'https://news.example/' }, { ...popup, tabId: 9 });
    expect(history.image).toHaveBeenCalledTimes(1);
    await handlers['check-image']({ url: 'https://img.example/a.jpg', pageUrl: 'https://news.example/', shared: true }, { ...popup, tabId: 9 });
    expect(history.image).toHaveBeenLastCalledWith(9, { imageUrl: 'https://img.example/a.jpg', pageUrl: 'https://news.example/', verdict, source: 'shared' });
  });

  it("answers a page's batch with the images that have Content Credentials, recording them, and nothing for the rest", async () => {
    const { handlers, pageVerdicts, showPageImage, tabImages, history } = setUp();
    const verdict = failedReadVerdict('malformed', 'no claim');
    pageVerdicts.set('https://img.example/signed.jpg', verdict);
    // One the worker could not fetch (a server that wants the reader's cookies): not badged, listed nor kept in the history; only counted.
    pageVerdicts.set('https://img.example/private.jpg', unreadImageVerdict('The image could not be fetched: HTTP 403'));
    const urls = ['https://img.example/plain.jpg', 'https://img.example/signed.jpg', 'https://img.example/broken.jpg', 'https://img.example/private.jpg'];
    expect(await handlers['check-page-images']({ urls }, { ...content, frameId: 7 })).toEqual({ answered: [{ url: 'https://img.example/signed.jpg', verdict }] });
    // All ended before the deadline: nothing is sent on its own.
    expect(showPageImage).not.toHaveBeenCalled();
    expect(tabImages.record).toHaveBeenCalledExactlyOnceWith(4, 'https://img.example/signed.jpg', verdict);
    expect(tabImages.recordUnread).toHaveBeenCalledExactlyOnceWith(4, 'https://img.example/private.jpg');
    expect(history.image).toHaveBeenCalledExactlyOnceWith(4, { imageUrl: 'https://img.example/signed.jpg', verdict, source: 'page' });
    expect(await handlers['tab-images']({ tabId: 4 }, popup)).toEqual({ images: [], unread: 1 });
    await expect(handlers['check-page-images']({ urls }, popup)).rejects.toThrow('speaks for a tab');
  });

  it('asks in the options page, beside the sender\'s tab, whether to trust a signer', async () => {
    const { handlers, openTrustSigner } = setUp();
    expect(await handlers['open-trust-signer']({ kind: 'attester', address: `0x${'AB'.repeat(20)}` }, content)).toEqual({ ok: true });
    expect(openTrustSigner).toHaveBeenCalledWith(4, { kind: 'attester', address: `0x${'ab'.repeat(20)}` });
    expect(await handlers['open-trust-signer']({ kind: 'relay', address: `0x${'CD'.repeat(20)}`, chainId: 10740 }, content)).toEqual({ ok: true });
    expect(openTrustSigner).toHaveBeenLastCalledWith(4, { kind: 'relay', address: `0x${'cd'.repeat(20)}`, chainId: 10740 });
    await expect(handlers['open-trust-signer']({ kind: 'attester', address: `0x${'ab'.repeat(20)}` }, popup)).rejects.toThrow('speaks for a tab');
  });

  it('wants a tab for what speaks for one', async () => {
    const { handlers } = setUp();
    await expect(handlers['forget-proofs']({ ids: ['p1'] }, popup)).rejects.toThrow('speaks for a tab');
    expect(await handlers['forget-proofs']({ ids: ['p1'] }, content)).toEqual({ ok: true });
  });

  it("answers the popup's last selection check of a tab, and a report of a tab or one proof", async () => {
    const { handlers, selections, report } = setUp();
    expect(await handlers['selection-check']({ tabId: 9 }, popup)).toBeNull();
    expect(selections.latest).toHaveBeenCalledWith(9);
    expect(await handlers.report({ tabId: 9, proofId: 'p2' }, popup)).toBeNull();
    expect(report).toHaveBeenCalledWith(9, 'p2');
  });

  it('keeps what was checked in the popup, and what a share link verified, in the history', async () => {
    const { handlers, checkPasted, history, service } = setUp();
    const request = { input: '', tabId: 5 };
    expect(await handlers['check-pasted'](request, popup)).toBe(pasted);
    expect(checkPasted).toHaveBeenCalledWith(request);
    expect(history.pasted).toHaveBeenCalledWith(pasted, 5);

    const { id: _id, ...proof } = referenceProof('p1');
    const pageUrl = 'https://news.example.com/story';
    const { verdict } = await handlers['verify-standalone']({ proof, pageUrl }, popup);
    expect(verdict.state).toBe('verified');
    expect(service.verifyStandalone).toHaveBeenCalledWith(proof);
    expect(history.shared).toHaveBeenCalledWith({ label: 'Shared proof', proof: { id: 'shared', ...proof }, verdict }, pageUrl);
  });

  it("keeps each frame's integrity report, adds the frames up for the popup and tells the toolbar", async () => {
    const { handlers, showIntegrity } = setUp();
    const clean = { badgesKeptOff: 0, badgesHidden: 0, cardHidden: false, lookAlikes: 0, lookAlikeWords: [] };
    await handlers['page-integrity']({ integrity: clean }, content);
    expect(showIntegrity).toHaveBeenLastCalledWith(4, null);
    expect(await handlers['tab-integrity']({ tabId: 4 }, popup)).toEqual({ integrity: null });

    await handlers['page-integrity']({ integrity: { ...clean, badgesHidden: 2 } }, content);
    await handlers['page-integrity']({ integrity: { ...clean, badgesHidden: 1, lookAlikes: 3, lookAlikeWords: ['Verified by Verity'] } }, { ...content, frameId: 5 });
    // A frame's newer report replaces its last: counts are all so far, not more.
    await handlers['page-integrity']({ integrity: { ...clean, badgesHidden: 2, cardHidden: true } }, content);
    const page = { badgesKeptOff: 0, badgesHidden: 3, cardHidden: true, lookAlikes: 3, lookAlikeWords: ['Verified by Verity'] };
    expect(showIntegrity).toHaveBeenLastCalledWith(4, page);
    expect(await handlers['tab-integrity']({ tabId: 4 }, popup)).toEqual({ integrity: page });
    expect(await handlers['tab-integrity']({ tabId: 9 }, popup)).toEqual({ integrity: null });
  });

  it("looks around the sender's own frame, and takes each label as its frame's", async () => {
    const { handlers, framesAround } = setUp();
    const text = { levels: 1, lines: [{ x: 1, y: 2, width: 30, height: 16 }], seeThrough: true, leastOpacity: 0.3 };
    expect(await handlers['look-around-frame'](text, { ...content, frameId: 6 })).toEqual({ doubts: ['covered'] });
    expect(framesAround.look).toHaveBeenCalledWith(4, 6, text);
    await handlers['frame-label']({ label: 'a'.repeat(32) }, { ...content, frameId: 6 });
    expect(framesAround.labelled).toHaveBeenCalledWith(4, 6, 'a'.repeat(32));
  });
});
