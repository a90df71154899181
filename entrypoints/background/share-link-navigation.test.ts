import { describe, expect, it, vi } from 'vitest';
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

  it('leaves every other navigation alone: other pages, frames, and the page without a link', async () => {
    const { openInspector, navigate } = setUp();
    await navigate({ tabId: 4, frameId: 0, url: 'https://verify.example.org/v/' });
    await navigate({ tabId: 4, frameId: 3, url: 'https://verify.example.org/v/#share=v1.abc' });
    await navigate({ tabId: 4, frameId: 0, url: 'https://news.example.com/v/#share=v1.abc' });
    await navigate({ tabId: -1, frameId: 0, url: 'https://verify.example.org/v/#share=v1.abc' });
    expect(openInspector).not.toHaveBeenCalled();
  });
});
