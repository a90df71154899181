import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { imageSitePattern, isOtherOrigin, requestImageSiteAccess } from './image-site-access';

describe('an image’s own site', () => {
  it('is its scheme and host as a match pattern, without the port', () => {
    expect(imageSitePattern('https://cdn.news.example:8443/a/photo.jpg?w=800')).toBe('https://cdn.news.example/*');
    expect(imageSitePattern('http://127.0.0.1:5173/img/a')).toBe('http://127.0.0.1/*');
    expect(imageSitePattern('data:image/png;base64,AAAA')).toBeUndefined();
    expect(imageSitePattern('not a url')).toBeUndefined();
  });

  it('needs the server’s sharing when it is not the frame’s origin (port and scheme count)', () => {
    expect(isOtherOrigin('https://news.example/photo.jpg', 'https://news.example/story')).toBe(false);
    expect(isOtherOrigin('https://cdn.news.example/photo.jpg', 'https://news.example/story')).toBe(true);
    expect(isOtherOrigin('http://news.example/photo.jpg', 'https://news.example/story')).toBe(true);
    expect(isOtherOrigin('https://news.example:8443/photo.jpg', 'https://news.example/story')).toBe(true);
    expect(isOtherOrigin('https://news.example/photo.jpg', undefined)).toBe(true);
  });
});

describe('requestImageSiteAccess', () => {
  beforeEach(() => void vi.restoreAllMocks());

  it('asks for that one site, and answers whether Verity may read it', async () => {
    const contains = vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    await expect(requestImageSiteAccess('https://cdn.news.example/photo.jpg')).resolves.toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://cdn.news.example/*'] });
    expect(contains).toHaveBeenCalledWith({ origins: ['https://cdn.news.example/*'] });
  });

  it('starts asking before it awaits anything, while the click still counts as the reader’s gesture', () => {
    let containsAnswered = false;
    vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => {
      await Promise.resolve();
      containsAnswered = true;
      return false;
    });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    void requestImageSiteAccess('https://cdn.news.example/photo.jpg');
    expect(request).toHaveBeenCalledTimes(1);
    expect(containsAnswered).toBe(false);
  });

  it('takes a site already allowed as allowed, and a refusal or a browser that would not ask as not', async () => {
    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(true);
    vi.spyOn(fakeBrowser.permissions, 'request').mockRejectedValue(new Error('This function must be called during a user gesture'));
    await expect(requestImageSiteAccess('https://cdn.news.example/photo.jpg')).resolves.toBe(true);

    vi.spyOn(fakeBrowser.permissions, 'contains').mockResolvedValue(false);
    await expect(requestImageSiteAccess('https://cdn.news.example/photo.jpg')).resolves.toBe(false);
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false);
    await expect(requestImageSiteAccess('https://cdn.news.example/photo.jpg')).resolves.toBe(false);
    await expect(requestImageSiteAccess('data:image/png;base64,AAAA')).resolves.toBe(false);
  });
});
