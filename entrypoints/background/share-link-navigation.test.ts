import { describe, expect, it, vi } from 'vitest';
import { shareFragment } from '../../lib/share/share-link';
import { shareLinkNavigation } from './share-link-navigation';

describe('shareLinkNavigation', () => {
  const setUp = () => {
    const openInspector = vi.fn(async () => undefined);
    const navigate = shareLinkNavigation({ shareLinkBase: async () => 'https://verify.example.org/v/', openInspector });
    return { openInspector, navigate };
  };

  it("opens a share link to the reader's verifier page in the inspector, in the same tab", async () => {
    const { openInspector, navigate } = setUp();
    await navigate({ tabId: 4, frameId: 0, url: 'https://verify.example.org/v/#share=v1.abc' });
    expect(openInspector).toHaveBeenCalledWith(4, '#share=v1.abc');
  });

  it("opens a share link to another reader's verifier page the same way", async () => {
    const { openInspector, navigate } = setUp();
    const fragment = shareFragment({ proof: { form: 'text', raw: 'v1.x', shownText: 'Hello', renderedText: 'Hello' } });
    await navigate({ tabId: 4, frameId: 0, url: `https://verify.newsroom.test/${fragment}` });
    expect(openInspector).toHaveBeenCalledWith(4, fragment);
  });

  it('leaves every other navigation alone: other pages, frames, and the page without a link', async () => {
    const { openInspector, navigate } = setUp();
    await navigate({ tabId: 4, frameId: 0, url: 'https://verify.example.org/v/' });
    await navigate({ tabId: 4, frameId: 3, url: 'https://verify.example.org/v/#share=v1.abc' });
    await navigate({ tabId: 4, frameId: 0, url: 'https://news.example.com/v/#share=v1.abc' });
    await navigate({ tabId: -1, frameId: 0, url: 'https://verify.example.org/v/#share=v1.abc' });
    expect(openInspector).not.toHaveBeenCalled();
  });
});
