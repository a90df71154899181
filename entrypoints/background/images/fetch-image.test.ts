import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gradientJpeg } from '../../../test/fixtures/c2pa-images';
import { jpegWithSegment, segment } from '../../../test/fixtures/jpeg-segments';
import { serveImageBytes, type RangeServer } from '../../../test/fixtures/range-server';
import { fetchImage, probeBytes } from './fetch-image';

// Larger than the probe (bytes after its end-of-image marker, as some writers leave), so a probe that rules the manifest out saves a download.
const plain = Uint8Array.from([...gradientJpeg(320, 200), ...new Uint8Array(probeBytes * 2)]);
// An APP11 segment as C2PA puts its JUMBF there: the engine must see the whole image.
const signed = jpegWithSegment(plain, segment(0xeb, 'JP\x00\x01\x00\x00\x00\x01jumb c2pa'));
const small = gradientJpeg(64, 64);
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Uint8Array(probeBytes * 2)]);
// Replaced after its first request (the server reads `files` at each one) by a version of the same length that differs in its first bytes.
const replaced = signed.map((byte, index) => (index === 100 ? byte ^ 0xff : byte));
let changingReads = 0;

let server: RangeServer;
beforeAll(async () => {
  const files: Record<string, Uint8Array> = { plain, signed, small, png };
  Object.defineProperty(files, 'changing', { get: () => (changingReads++ === 0 ? signed : replaced) });
  server = await serveImageBytes(files);
});
afterAll(() => server.close());
beforeEach(() => void server.requests.splice(0));

const sent = () => server.requests.map(({ range, sent }) => [range ?? 'whole', sent]);

describe('fetchImage', () => {
  it('downloads only the first bytes of a JPEG whose header holds no manifest, where the server gives ranges', async () => {
    expect(plain.length).toBeGreaterThan(probeBytes);
    expect(await fetchImage(`${server.baseUrl}/ranges/plain`)).toEqual({ manifest: 'absent' });
    expect(sent()).toEqual([[`bytes=0-${probeBytes - 1}`, probeBytes]]);
  });

  it('downloads only the rest once the first bytes may hold a manifest (an APP11 segment, a PNG): each byte once', async () => {
    const image = await fetchImage(`${server.baseUrl}/ranges/signed`);
    expect(image).toEqual({ bytes: signed.buffer.slice(signed.byteOffset, signed.byteOffset + signed.byteLength), contentType: 'image/jpeg' });
    expect(sent()).toEqual([
      [`bytes=0-${probeBytes - 1}`, probeBytes],
      [`bytes=${probeBytes}-`, signed.length - probeBytes],
    ]);
    server.requests.splice(0);
    const whole = await fetchImage(`${server.baseUrl}/ranges/png`);
    expect('bytes' in whole && new Uint8Array(whole.bytes)).toEqual(png);
    expect(server.requests.reduce((total, { sent }) => total + sent, 0)).toBe(png.length);
  });

  it('takes a 200 to the rest as the whole image, and downloads it whole when the rest does not continue the first bytes', async () => {
    const image = await fetchImage(`${server.baseUrl}/first/signed`);
    expect('bytes' in image && new Uint8Array(image.bytes)).toEqual(signed);
    expect(sent()).toEqual([
      [`bytes=0-${probeBytes - 1}`, probeBytes],
      [`bytes=${probeBytes}-`, signed.length],
    ]);

    server.requests.splice(0);
    const restarted = await fetchImage(`${server.baseUrl}/from-zero/signed`);
    expect('bytes' in restarted && new Uint8Array(restarted.bytes)).toEqual(signed);
    expect(sent().map(([range]) => range)).toEqual([`bytes=0-${probeBytes - 1}`, `bytes=${probeBytes}-`, 'whole']);
  });

  it('never joins the first bytes of one version of the image to the rest of another', async () => {
    const image = await fetchImage(`${server.baseUrl}/ranges/changing`);
    // The rest came with another ETag: it is dropped, and the new version downloaded whole.
    expect('bytes' in image && new Uint8Array(image.bytes)).toEqual(replaced);
    expect(sent().map(([range]) => range)).toEqual([`bytes=0-${probeBytes - 1}`, `bytes=${probeBytes}-`, 'whole']);
  });

  it('uses the first bytes when they are the whole image, and the one answer of a server that ignores ranges', async () => {
    const image = await fetchImage(`${server.baseUrl}/ranges/small`);
    expect(image).toEqual({ bytes: small.buffer.slice(small.byteOffset, small.byteOffset + small.byteLength), contentType: 'image/jpeg' });
    expect(sent()).toEqual([[`bytes=0-${probeBytes - 1}`, small.length]]);

    server.requests.splice(0);
    const whole = await fetchImage(`${server.baseUrl}/whole/plain`);
    expect('bytes' in whole && whole.bytes.byteLength).toBe(plain.length);
    expect(sent()).toEqual([[`bytes=0-${probeBytes - 1}`, plain.length]]);
  });

  it('says why an image could not be fetched', async () => {
    await expect(fetchImage(`${server.baseUrl}/ranges/missing`)).rejects.toThrow('The image could not be fetched: HTTP 404');
    await expect(fetchImage('data:image/png;base64,AAAA')).rejects.toThrow('Only http(s) images are checked, not data:');
  });
});
