import { describe, expect, it } from 'vitest';
import { isOwnSender, senderKind } from './sender';

const own = { id: 'abcdefghijklmnopabcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };

describe('senderKind', () => {
  it('knows a content script by its tab and a web address', () => {
    expect(senderKind({ id: own.id, url: 'https://news.example/a', tab: { id: 4 }, frameId: 0 }, own)).toBe('content-script');
  });

  it('knows an extension page by its address, in a tab or not', () => {
    expect(senderKind({ id: own.id, url: `${own.baseUrl}popup.html` }, own)).toBe('extension-page');
    expect(senderKind({ id: own.id, url: `${own.baseUrl}inspector.html?tab=4`, tab: { id: 9 } }, own)).toBe('extension-page');
  });

  it("ignores other extensions, even on this one's pages", () => {
    expect(senderKind({ id: 'another', url: `${own.baseUrl}popup.html` }, own)).toBeUndefined();
    expect(senderKind({ id: 'another', url: 'https://news.example/', tab: { id: 4 } }, own)).toBeUndefined();
  });

  it('ignores a sender with no address, and a tabless one at a web address', () => {
    expect(senderKind({ id: own.id }, own)).toBeUndefined();
    expect(senderKind({ id: own.id, url: 'https://news.example/' }, own)).toBeUndefined();
    expect(senderKind({}, own)).toBeUndefined();
  });

  it('does not take a look-alike origin for its own', () => {
    expect(senderKind({ id: own.id, url: `${own.baseUrl.slice(0, -1)}x/popup.html` }, own)).toBeUndefined();
  });

  it('works with Firefox, whose page origin is not the id', () => {
    const firefox = { id: 'verity@verity.invalid', baseUrl: 'moz-extension://2b3c4d5e-0000-4000-8000-000000000000/' };
    expect(senderKind({ id: firefox.id, url: `${firefox.baseUrl}options.html` }, firefox)).toBe('extension-page');
    expect(isOwnSender({ id: firefox.id, url: 'https://news.example/', tab: { id: 1 } }, firefox)).toBe(true);
  });
});
