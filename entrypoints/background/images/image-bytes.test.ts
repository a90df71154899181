import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from './image-bytes';

describe('image bytes as base64', () => {
  it('goes there and back for every byte value, past one slice', () => {
    const bytes = Uint8Array.from({ length: 0x8000 * 2 + 7 }, (_, at) => (at * 7) % 256);
    const text = bytesToBase64(bytes.buffer);
    expect(text).toBe(Buffer.from(bytes).toString('base64'));
    expect(new Uint8Array(base64ToBytes(text))).toEqual(bytes);
  });
});
