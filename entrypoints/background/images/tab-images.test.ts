import { describe, expect, it } from 'vitest';
import { unreadImageVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { createTabImages } from './tab-images';

const claims = { signer: 'Studio', claimGenerator: 'Model 2', actions: [] };
const verdictOf = (state: ImageVerdict['state'], generated = true): ImageVerdict => ({ state, reason: `reason: ${state}`, failures: [], ai: { generated, sources: [] }, claims, ingredients: [] });

function memoryStore() {
  const items = new Map<string, unknown>();
  return {
    get: async (key: string) => (items.has(key) ? { [key]: structuredClone(items.get(key)) } : {}),
    set: async (entries: Record<string, unknown>) => void Object.entries(entries).forEach(([key, value]) => items.set(key, structuredClone(value))),
    remove: async (key: string) => void items.delete(key),
  };
}

describe('createTabImages', () => {
  it('lists each tab’s images with Content Credentials once, answers coming together all kept', async () => {
    const images = createTabImages(memoryStore());
    await Promise.all([
      images.record(1, 'https://a.example/1.jpg', verdictOf('verified')),
      images.record(1, 'https://a.example/2.jpg', verdictOf('altered')),
      images.record(1, 'https://a.example/plain.jpg', null),
      images.record(2, 'https://b.example/1.jpg', verdictOf('untrusted')),
      images.record(1, 'https://a.example/1.jpg', verdictOf('verified')),
    ]);
    expect(await images.list(1)).toEqual([
      { url: 'https://a.example/2.jpg', state: 'altered', ai: false, headline: 'reason: altered' },
      { url: 'https://a.example/1.jpg', state: 'verified', ai: true, headline: 'Made with AI — signed by Studio using Model 2' },
    ]);
    expect((await images.list(2)).map(({ url }) => url)).toEqual(['https://b.example/1.jpg']);
    expect(await images.verdicts(2)).toEqual([{ url: 'https://b.example/1.jpg', verdict: verdictOf('untrusted'), checkedAt: expect.any(Date) }]);
    await images.forget(1);
    expect(await images.list(1)).toEqual([]);
  });

  it('keeps each image’s verdict for the page’s report, without the engine’s manifest store', async () => {
    const images = createTabImages(memoryStore());
    await images.record(1, 'https://a.example/1.jpg', { ...verdictOf('invalid'), manifestStore: { active_manifest: 'm' } }, Date.UTC(2026, 0, 4));
    expect(await images.verdicts(1)).toEqual([{ url: 'https://a.example/1.jpg', verdict: verdictOf('invalid'), checkedAt: new Date(Date.UTC(2026, 0, 4)) }]);
  });

  it('counts the images it could not read, each once, without listing them', async () => {
    const images = createTabImages(memoryStore());
    await Promise.all([
      images.recordUnread(1, 'https://a.example/private.jpg'),
      images.record(1, 'https://a.example/photo.bmp', unreadImageVerdict('The image could not be read (UnsupportedType)')),
      images.recordUnread(1, 'https://a.example/private.jpg'),
      images.record(1, 'https://a.example/1.jpg', verdictOf('verified')),
    ]);
    expect(await images.unreadCount(1)).toBe(2);
    expect((await images.list(1)).map(({ url }) => url)).toEqual(['https://a.example/1.jpg']);
    expect(await images.verdicts(1)).toHaveLength(1);
    expect(await images.unreadCount(2)).toBe(0);
    await images.forget(1);
    expect(await images.unreadCount(1)).toBe(0);
  });
});
