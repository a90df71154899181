// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { checkImage } from '../../lib/c2pa/check-image';
import type { ImageVerdict } from '../../lib/c2pa/image-verdict';
import { c2paTestImages, type C2paTestImages } from '../../test/fixtures/c2pa-images';
import { click, renderDom } from '../../test/ui/dom';
import { ImageDetails } from './ImageDetails';
import { ImageDetailsView } from './ImageDetailsView';

const sendMessage = vi.fn();
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: { getURL: (path: string) => `chrome-extension://verity${path}`, sendMessage: (message: unknown) => sendMessage(message) },
  },
}));

let images: C2paTestImages;
beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
});

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  sendMessage.mockReset();
});

/** A verdict as the worker's `check-image` gives it: with the engine's manifest store. */
const verdictOf = async (bytes: Uint8Array) => (await checkImage({ bytes, trustAnchors: [{ source: 'reader', pem: images.trustAnchors }], keepManifestStore: true }))!;

const imageUrl = 'https://img.example/cat.jpg';

function show(verdict: ImageVerdict | null) {
  const view = renderDom(<ImageDetailsView imageUrl={imageUrl} pageUrl="https://news.example/a" load={{ status: 'done', verdict }} onCheckAgain={() => undefined} />);
  cleanup = view.unmount;
  return view.container;
}

const section = (container: HTMLElement, heading: string) => container.querySelector(`section[aria-labelledby="${heading}-heading"]`)?.textContent ?? '';

describe('the inspector on an image', () => {
  it('shows an AI image’s state, its manifest’s claims as claims, its actions in words and every validation code', async () => {
    const container = show(await verdictOf(images.trustedAi));
    expect(container.querySelector('header')?.textContent).toContain('Image inspector');
    expect(container.querySelector('img')?.getAttribute('src')).toBe(imageUrl);
    expect(container.querySelector('h1')?.textContent).toBe(`Made with AI — signed by ${images.trustedSignerName} (a signer you added) using Test Image Model 2.1, ${images.trustedAiSignedAt.toISOString().slice(0, 10)}`);
    expect(container.textContent).toContain('Verified');
    expect(section(container, 'claims')).toContain('not Verity’s findings');
    expect(section(container, 'claims')).toContain('Test Image Model 2.1');
    // Time-stamped by an authority under the reader's anchor, which vouches for signers only.
    expect(section(container, 'claims')).toContain(`Signed on${images.trustedAiSignedAt.toISOString().slice(0, 19)}+00:00 (time stamp from an authority not on the C2PA TSA Trust List)`);
    expect(section(container, 'actions')).toContain('Created c2pa.createdSource: Made by a generative AI model');
    expect(section(container, 'codes')).toContain('signingCredential.trusted');
    expect(section(container, 'codes')).toMatch(/Failed \(0\)None/);
    expect(container.querySelector('details summary')?.textContent).toContain('Manifest store');
    expect(container.querySelector('details pre')?.textContent).toContain('"active_manifest"');
  });

  it('shows an image changed after signing as altered, with the failing code and its explanation', async () => {
    const container = show(await verdictOf(images.bytesChanged));
    expect(container.querySelector('h1')?.textContent).toContain('The image changed after it was signed');
    const failed = container.querySelector('section[aria-label="Failed validation codes"]')?.textContent ?? '';
    expect(failed).toContain('assertion.dataHash.mismatch');
    expect(failed.length).toBeGreaterThan('assertion.dataHash.mismatch'.length + 'Failed (1)'.length);
    expect(section(container, 'claims')).toContain('anyone could have written them');
  });

  it('lists an edited image’s ingredient with the state of its own manifest', async () => {
    const container = show(await verdictOf(images.editedAi));
    expect(section(container, 'ingredients')).toContain('parent.jpg');
    expect(section(container, 'ingredients')).toContain('The image it was edited from');
    expect(section(container, 'ingredients')).toContain('Verified');
    expect(section(container, 'actions')).toContain('Adjusted its colours');
  });

  it('says an image without Content Credentials has none, and shows no manifest', () => {
    const container = show(null);
    expect(container.textContent).toContain('This image carries no Content Credentials');
    expect(container.querySelector('details')).toBeNull();
  });

  it('checks the image by its address when opened, and again on request', async () => {
    const verdict = await verdictOf(images.unknownSigner);
    sendMessage.mockResolvedValue({ verdict });
    let view: ReturnType<typeof renderDom> | undefined;
    await act(async () => {
      view = renderDom(<ImageDetails imageUrl={imageUrl} pageUrl="https://news.example/a" />);
    });
    cleanup = view!.unmount;
    expect(sendMessage).toHaveBeenCalledWith({ type: 'check-image', url: imageUrl, pageUrl: 'https://news.example/a' });
    expect(view!.container.textContent).toContain('the signer is not on a trust list you use');
    await act(async () => click([...view!.container.querySelectorAll('button')].find((button) => button.textContent === 'Check again')!));
    expect(sendMessage).toHaveBeenCalledTimes(2);
  });

  it('says a shared image was checked here and now, names the link’s page only as its claim, and records it as shared', async () => {
    sendMessage.mockResolvedValue({ verdict: await verdictOf(images.trustedAi) });
    let view: ReturnType<typeof renderDom> | undefined;
    await act(async () => {
      view = renderDom(<ImageDetails imageUrl={imageUrl} pageUrl="https://news.example/a" shared />);
    });
    cleanup = view!.unmount;
    expect(sendMessage).toHaveBeenCalledWith({ type: 'check-image', url: imageUrl, pageUrl: 'https://news.example/a', shared: true });
    const banner = view!.container.querySelector('section[aria-labelledby="shared-heading"]')?.textContent;
    expect(banner).toContain('The link carries only the image’s address, never a verdict.');
    expect(banner).toContain('The link says it comes from https://news.example');
    expect(view!.container.textContent).not.toContain('Seen on');
    expect(view!.container.querySelector('header')?.textContent).toContain('Shared image');
  });
});
