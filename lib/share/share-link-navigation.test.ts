import { describe, expect, it } from 'vitest';
import { shareFragment } from './share-link';
import { isShareLinkAt, isShareLinkNavigation } from './share-link-navigation';

describe('share link navigation', () => {
  it('recognises a share link of the page at the base: same origin and path, a share fragment', () => {
    const base = 'https://verify.example.org/v/';
    expect(isShareLinkAt(base, 'https://verify.example.org/v/#share=v1.abc')).toBe(true);
    expect(isShareLinkAt(base, 'https://verify.example.org/v/?utm=x#share%3Dv1.abc')).toBe(true);
    expect(isShareLinkAt(base, 'https://verify.example.org/v/')).toBe(false);
    expect(isShareLinkAt(base, 'https://verify.example.org/other/#share=v1.abc')).toBe(false);
    expect(isShareLinkAt(base, 'https://evil.example/v/#share=v1.abc')).toBe(false);
  });

  it("takes over links to any verifier page whose fragment reads as a share link, and every link to the reader's own", () => {
    const base = 'https://verify.example.org/v/';
    const fragment = shareFragment({ proof: { form: 'attribute', raw: 'v1.x', shownText: 'Hello', renderedText: 'Hello' } });
    expect(isShareLinkNavigation(base, `https://verify.newsroom.test/check/${fragment}`)).toBe(true);
    expect(isShareLinkNavigation(base, `http://127.0.0.1:8080/${fragment.replace('=', '%3D')}`)).toBe(true);
    // Another site's own #share= is left to load, but at the reader's page even a damaged link is explained.
    expect(isShareLinkNavigation(base, 'https://news.example.com/story#share=twitter')).toBe(false);
    expect(isShareLinkNavigation(base, `https://news.example.com/story${fragment.slice(0, 40)}`)).toBe(false);
    expect(isShareLinkNavigation(base, `https://verify.example.org/v/${fragment.slice(0, 40)}`)).toBe(true);
    expect(isShareLinkNavigation(base, `ftp://files.example.com/${fragment}`)).toBe(false);
    expect(isShareLinkNavigation(base, 'https://verify.newsroom.test/check/')).toBe(false);
  });
});
