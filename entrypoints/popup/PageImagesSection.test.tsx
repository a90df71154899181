// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakePermissions } from '../../test/fakes/permissions';
import { renderDom } from '../../test/ui/dom';
import type { TabImage } from '../../messaging/messages';
import { PageImagesSection } from './PageImagesSection';

const client = vi.hoisted(() => ({ imageCount: undefined as number | undefined, unread: 0, images: [] as TabImage[] }));
vi.mock('../../messaging/client', () => ({
  sendToWorker: vi.fn(async () => ({ images: client.images, unread: client.unread })),
  // A page whose content script cannot run answers nothing: the message fails.
  sendToTab: vi.fn(async () => {
    if (client.imageCount === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { images: client.imageCount };
  }),
}));

let cleanup: (() => void) | undefined;
beforeEach(() => {
  fakePermissions(false);
  client.images = [];
});
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

async function rendered(imageCount: number | undefined, unread = 0, onListed?: (listed: boolean) => void): Promise<HTMLElement> {
  client.imageCount = imageCount;
  client.unread = unread;
  const view = renderDom(<PageImagesSection tabId={7} onListed={onListed} />);
  cleanup = view.unmount;
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return view.container;
}

async function offerShownFor(imageCount: number | undefined): Promise<boolean> {
  return (await rendered(imageCount)).querySelector('section[aria-labelledby="image-access-heading"]') !== null;
}

describe('PageImagesSection', () => {
  it('offers image checks on a page with images', async () => {
    expect(await offerShownFor(3)).toBe(true);
  });

  it('does not offer them on a page without images, nor where Verity cannot look (the browser’s own pages)', async () => {
    expect(await offerShownFor(0)).toBe(false);
    cleanup?.();
    expect(await offerShownFor(undefined)).toBe(false);
  });

  it('says how many of the page’s images could not be read, without listing them', async () => {
    const section = (await rendered(3, 2)).querySelector('section[aria-labelledby="images-heading"]');
    expect(section?.textContent).toContain('2 images on this page could not be read, so Verity cannot say whether they have Content Credentials.');
    expect(section?.querySelector('li')).toBeNull();
    cleanup?.();
    expect((await rendered(3, 0)).querySelector('section[aria-labelledby="images-heading"]')).toBeNull();
  });

  it('tells the popup whether it lists an image, so the page’s report is offered without text proofs', async () => {
    const onListed = vi.fn();
    await rendered(3, 1, onListed);
    expect(onListed).toHaveBeenLastCalledWith(false);
    cleanup?.();
    client.images = [{ url: 'https://example.com/a.jpg', state: 'verified', ai: true, headline: 'Made with AI — signed by Example' }];
    await rendered(3, 0, onListed);
    expect(onListed).toHaveBeenLastCalledWith(true);
  });
});
