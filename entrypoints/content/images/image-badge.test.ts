// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { createImageBadgeSheet } from './image-badge-sheet';
import { createImageBadge, rehearseImageBadge } from './image-badge';

const verified: ImageVerdict = { state: 'verified', reason: 'valid', failures: [], ai: { generated: true, sources: [] }, ingredients: [] };

describe('image badges', () => {
  afterEach(() => document.body.replaceChildren());

  it('puts the badge right after its image, without touching the image', () => {
    document.body.innerHTML = '<p><img src="/a.jpg" alt="A"></p>';
    const image = document.querySelector('img')!;
    const onActivate = vi.fn();
    const badge = createImageBadge({ image, verdict: verified, sheet: createImageBadgeSheet().style, onActivate });
    expect(image.nextElementSibling).toBe(badge.host);
    expect(image.getAttributeNames().sort()).toEqual(['alt', 'src']);
    badge.button.click();
    expect(onActivate).toHaveBeenCalledWith(badge);
  });

  it('rehearses a badge without adding anything to the page', async () => {
    document.body.innerHTML = '<p><img src="/a.jpg" alt="A"></p>';
    const before = document.documentElement.outerHTML;
    const added = vi.fn();
    const observer = new MutationObserver(added);
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    await rehearseImageBadge({ document, verdict: verified, sheet: createImageBadgeSheet().style });
    await Promise.resolve();
    observer.disconnect();
    expect(added).not.toHaveBeenCalled();
    expect(document.documentElement.outerHTML).toBe(before);
  });
});
