// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakePermissions } from '../../test/fakes/permissions';
import { renderDom } from '../../test/ui/dom';
import { PageImagesSection } from './PageImagesSection';

const client = vi.hoisted(() => ({ imageCount: undefined as number | undefined }));
vi.mock('../../messaging/client', () => ({
  sendToWorker: vi.fn(async () => ({ images: [] })),
  // A page whose content script cannot run answers nothing: the message fails.
  sendToTab: vi.fn(async () => {
    if (client.imageCount === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
    return { images: client.imageCount };
  }),
}));

let cleanup: (() => void) | undefined;
beforeEach(() => fakePermissions(false));
afterEach(() => {
  cleanup?.();
  vi.restoreAllMocks();
});

async function offerShownFor(imageCount: number | undefined): Promise<boolean> {
  client.imageCount = imageCount;
  const view = renderDom(<PageImagesSection tabId={7} />);
  cleanup = view.unmount;
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return view.container.querySelector('section[aria-labelledby="image-access-heading"]') !== null;
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
});
