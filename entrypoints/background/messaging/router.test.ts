import { describe, expect, it, vi } from 'vitest';
import { maxPasteLength } from '../../../lib/paste/classify-paste';
import { maxPageImageBatch } from '../../../messaging/messages';
import { MalformedRequestError, UnknownMessageError, WrongSenderError } from './errors';
import { createMessageRouter, type WorkerHandlers } from './router';
import { referenceProof } from '../../../test/fakes/worker-fixtures';

const own = { id: 'verity', baseUrl: 'chrome-extension://verity/' };
const page = { id: own.id, url: `${own.baseUrl}popup.html` };
const content = { id: own.id, url: 'https://news.example/', tab: { id: 7, incognito: true }, frameId: 0, documentId: 'D1' };

function handlers(overrides: Partial<WorkerHandlers> = {}): WorkerHandlers {
  const unused = () => Promise.reject(new Error('not expected'));
  return {
    'verify-proofs': async (request, context) => ({ verdicts: request.proofs.map(({ id }) => ({ id, verdict: { context } as never })) }),
    'forget-proofs': async () => ({ ok: true }),
    'open-inspector': unused,
    'open-trust-signer': unused,
    'tab-state': async ({ tabId }) => ({ url: `tab ${tabId}`, proofs: [], notChecked: 0 }),
    'proof-details': unused,
    'verify-again': unused,
    'test-rpc': unused,
    'trust-config': unused,
    'selection-check': async ({ tabId }) => (tabId === 3 ? null : unused()),
    'check-pasted': async ({ input }) => ({ kind: 'problem', input: 'text', message: `checked ${input.length}` }),
    'verify-standalone': unused,
    report: unused,
    'check-image': unused,
    'open-image-inspector': unused,
    'check-page-images': async () => ({ answered: [] }),
    'tab-images': unused,
    'page-integrity': async () => ({ ok: true }),
    'tab-integrity': async () => ({ integrity: null }),
    'look-around-frame': unused,
    'frame-label': async () => ({ ok: true }),
    ...overrides,
  };
}

describe('createMessageRouter', () => {
  it('answers a well-formed message from its own page with the typed handler', async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    await expect(route({ type: 'tab-state', tabId: 3 }, page)).resolves.toEqual({ url: 'tab 3', proofs: [], notChecked: 0 });
  });

  it("passes a content script's tab, frame, document and window kind to the handler", async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    const answer = (await route({ type: 'verify-proofs', pageUrl: content.url, proofs: [referenceProof('p1')], notChecked: 0 }, content)) as {
      verdicts: { verdict: { context: unknown } }[];
    };
    expect(answer.verdicts[0]!.verdict.context).toEqual({ kind: 'content-script', tabId: 7, frameId: 0, documentId: 'D1', prerendering: false, incognito: true });
  });

  it('ignores every sender that is not its own, whatever the message', () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    expect(route({ type: 'tab-state', tabId: 3 }, { id: 'other', url: 'chrome-extension://other/x.html' })).toBeUndefined();
    expect(route({ type: 'tab-state', tabId: 3 }, { url: 'https://evil.example/' })).toBeUndefined();
    expect(route('junk', { id: 'other' })).toBeUndefined();
  });

  it('rejects malformed messages with an error that says what is wrong', async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    await expect(route(null, page)).rejects.toBeInstanceOf(MalformedRequestError);
    await expect(route({ type: 'launch-rockets' }, page)).rejects.toThrow(UnknownMessageError);
    await expect(route({ type: 'tab-state', tabId: 'seven' }, page)).rejects.toThrow('Malformed "tab-state" request: tabId:');
    await expect(route({ type: 'test-rpc', url: 'file:///etc/passwd', chainId: 1 }, page)).rejects.toThrow('must be an http(s) URL');
    await expect(
      route({ type: 'verify-proofs', pageUrl: 'x', proofs: [{ ...referenceProof('p1'), form: 'smoke' }], notChecked: 0 }, content),
    ).rejects.toThrow('proofs.0.form');
  });

  it('keeps each message to the contexts it is for', async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    await expect(route({ type: 'trust-config' }, content)).rejects.toBeInstanceOf(WrongSenderError);
    await expect(route({ type: 'test-rpc', url: 'http://10.0.0.1/', chainId: 1 }, content)).rejects.toThrow('not for content scripts');
    await expect(route({ type: 'tab-state', tabId: 1 }, content)).rejects.toBeInstanceOf(WrongSenderError);
    // A frame speaks of its own frame only.
    await expect(route({ type: 'frame-label', label: 'a'.repeat(32) }, page)).rejects.toBeInstanceOf(WrongSenderError);
    await expect(route({ type: 'frame-label', label: 'not a label' }, content)).rejects.toBeInstanceOf(MalformedRequestError);
    await expect(route({ type: 'look-around-frame', levels: 0, lines: [{ x: 0, y: 0, width: -1, height: 1 }], seeThrough: false, leastOpacity: 0.3 }, content)).rejects.toBeInstanceOf(MalformedRequestError);
    expect(await route({ type: 'frame-label', label: 'a'.repeat(32) }, content)).toEqual({ ok: true });
    await expect(route({ type: 'open-inspector', id: 'p1' }, page)).rejects.toThrow('not for extension pages');
    // The worker fetches the image with the extension's host access: a page's content script cannot name one.
    await expect(route({ type: 'check-image', url: 'https://img.example/a.jpg' }, content)).rejects.toThrow('not for content scripts');
  });

  it("takes a page's integrity report from its content script only, in counts and a few short quotes, and gives it to the popup only", async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    const integrity = { badgesKeptOff: 1, badgesHidden: 0, cardHidden: false, lookAlikes: 2, lookAlikeWords: ['Verified by Verity'] };
    await expect(route({ type: 'page-integrity', integrity }, content)).resolves.toEqual({ ok: true });
    await expect(route({ type: 'page-integrity', integrity }, page)).rejects.toThrow('not for extension pages');
    await expect(route({ type: 'page-integrity', integrity: { ...integrity, lookAlikes: -1 } }, content)).rejects.toThrow('integrity.lookAlikes');
    await expect(route({ type: 'page-integrity', integrity: { ...integrity, lookAlikeWords: ['x'.repeat(61)] } }, content)).rejects.toThrow('integrity.lookAlikeWords');
    await expect(route({ type: 'page-integrity', integrity: { ...integrity, lookAlikeWords: Array(6).fill('x') } }, content)).rejects.toThrow('integrity.lookAlikeWords');
    await expect(route({ type: 'tab-integrity', tabId: 7 }, content)).rejects.toThrow('not for content scripts');
    await expect(route({ type: 'tab-integrity', tabId: 7 }, page)).resolves.toEqual({ integrity: null });
  });

  it("lets a content script ask for its page images' checks, a bounded batch of http(s) URLs", async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    await expect(route({ type: 'check-page-images', urls: ['https://img.example/a.jpg', 'http://img.example/b.png'] }, content)).resolves.toEqual({ answered: [] });
    await expect(route({ type: 'check-page-images', urls: ['https://img.example/a.jpg', 'data:image/png;base64,AAAA'] }, content)).rejects.toThrow('Malformed "check-page-images" request: urls');
    await expect(route({ type: 'check-page-images', urls: [] }, content)).rejects.toThrow('Malformed "check-page-images" request: urls');
    const tooMany = Array.from({ length: maxPageImageBatch + 1 }, (_, index) => `https://img.example/${index}.jpg`);
    await expect(route({ type: 'check-page-images', urls: tooMany }, content)).rejects.toThrow('Malformed "check-page-images" request: urls');
    // Its answers go to the sender's frame: an extension page has none.
    await expect(route({ type: 'check-page-images', urls: ['https://img.example/a.jpg'] }, page)).rejects.toThrow('not for extension pages');
  });

  it('asks to trust an attester by its address, and an ERC-7007 contract or a settlement relay by its address and chain, nothing else', async () => {
    const asked = vi.fn(async (_request: unknown) => ({ ok: true as const }));
    const route = createMessageRouter({ own, handlers: handlers({ 'open-trust-signer': asked }) });
    const address = `0x${'ab'.repeat(20)}`;
    await expect(route({ type: 'open-trust-signer', kind: 'attester', address }, content)).resolves.toEqual({ ok: true });
    await expect(route({ type: 'open-trust-signer', kind: 'erc7007', address, chainId: 31337 }, content)).resolves.toEqual({ ok: true });
    await expect(route({ type: 'open-trust-signer', kind: 'relay', address, chainId: 10740, extra: 1 }, content)).resolves.toEqual({ ok: true });
    expect(asked.mock.calls.map(([request]) => request)).toEqual([
      { kind: 'attester', address },
      { kind: 'erc7007', address, chainId: 31337 },
      { kind: 'relay', address, chainId: 10740 },
    ]);
    for (const bad of [
      { address },
      { kind: 'registry', address, chainId: 1 },
      { kind: 'erc7007', address },
      { kind: 'relay', address, chainId: 0 },
      { kind: 'relay', address, chainId: 1.5 },
      { kind: 'erc7007', address: '0x1234', chainId: 1 },
    ]) {
      await expect(route({ type: 'open-trust-signer', ...bad }, content), JSON.stringify(bad)).rejects.toThrow('Malformed "open-trust-signer" request');
    }
  });

  it('checks an image only at an http(s) URL', async () => {
    const route = createMessageRouter({ own, handlers: handlers({ 'check-image': async () => ({ verdict: null }) }) });
    await expect(route({ type: 'check-image', url: 'https://img.example/a.jpg' }, page)).resolves.toEqual({ verdict: null });
    await expect(route({ type: 'check-image', url: 'file:///etc/passwd' }, page)).rejects.toThrow('Malformed "check-image" request: url');
  });

  it("keeps the journalist's messages to the extension's pages", async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    await expect(route({ type: 'selection-check', tabId: 3 }, page)).resolves.toBeNull();
    for (const message of [
      { type: 'selection-check', tabId: 7 },
      { type: 'check-pasted', input: 'a quote' },
      { type: 'verify-standalone', proof: referenceProof('p1') },
      { type: 'report', tabId: 7 },
    ]) {
      await expect(route(message, content)).rejects.toThrow('not for content scripts');
    }
  });

  it('checks the shape of pasted material, standalone proofs and report requests', async () => {
    const route = createMessageRouter({ own, handlers: handlers() });
    await expect(route({ type: 'check-pasted', input: 'x'.repeat(maxPasteLength + 1) }, page)).rejects.toThrow('Malformed "check-pasted" request: input:');
    await expect(route({ type: 'check-pasted', input: 'a quote', compareText: 42 }, page)).rejects.toThrow('compareText');
    await expect(route({ type: 'check-pasted', input: 'a quote', tabId: 2 }, page)).resolves.toEqual({ kind: 'problem', input: 'text', message: 'checked 7' });
    const { id: _id, ...proof } = referenceProof('p1');
    await expect(route({ type: 'verify-standalone', proof: { ...proof, form: 'pasted' } }, page)).rejects.toThrow('proof.form');
    await expect(route({ type: 'report', tabId: 1, proofId: '' }, page)).rejects.toThrow('proofId');
  });

  it('turns a failing handler into a rejection, and reports it', async () => {
    const onError = vi.fn();
    const route = createMessageRouter({
      own,
      onError,
      handlers: handlers({
        'tab-state': () => {
          throw new Error('storage is gone');
        },
      }),
    });
    await expect(route({ type: 'tab-state', tabId: 1 }, page)).rejects.toThrow('storage is gone');
    expect(onError).toHaveBeenCalledWith(expect.any(Error), 'tab-state');
  });

  it('drops fields a request does not have', async () => {
    const seen = vi.fn(async () => ({ url: '', proofs: [], notChecked: 0 }));
    const route = createMessageRouter({ own, handlers: handlers({ 'tab-state': seen }) });
    await route({ type: 'tab-state', tabId: 2, extra: 'x' }, page);
    expect(seen).toHaveBeenCalledWith({ tabId: 2 }, expect.anything());
  });
});
