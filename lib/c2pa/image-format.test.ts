import { describe, expect, it } from 'vitest';
import { sniffImageFormat } from './image-format';

const bytes = (...list: (number | string)[]) => new Uint8Array(list.flatMap((item) => (typeof item === 'string' ? [...item].map((c) => c.charCodeAt(0)) : [item])));

describe('sniffImageFormat', () => {
  it('tells the formats apart by their first bytes', () => {
    expect(sniffImageFormat(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffImageFormat(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('image/png');
    expect(sniffImageFormat(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).toBe('image/webp');
    expect(sniffImageFormat(bytes(0, 0, 0, 0x1c, 'ftypavif'))).toBe('image/avif');
    expect(sniffImageFormat(bytes(0, 0, 0, 0x18, 'ftypheic'))).toBe('image/heic');
  });

  it('says nothing of bytes it does not know, a RIFF that is not WebP included', () => {
    expect(sniffImageFormat(bytes('RIFF', 0, 0, 0, 0, 'WAVE'))).toBeUndefined();
    expect(sniffImageFormat(bytes('<html>'))).toBeUndefined();
    expect(sniffImageFormat(bytes('<svg xmlns'))).toBeUndefined();
    expect(sniffImageFormat(new Uint8Array())).toBeUndefined();
  });
});
