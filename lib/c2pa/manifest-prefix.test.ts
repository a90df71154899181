import { describe, expect, it } from 'vitest';
import { gradientJpeg } from '../../test/fixtures/c2pa-images';
import { jpegWithSegment, segment, startOfScanOffset } from '../../test/fixtures/jpeg-segments';
import { manifestInPrefix } from './manifest-prefix';

const plain = gradientJpeg(320, 200);

describe('manifestInPrefix', () => {
  it('rules out a JPEG whose header ends with no APP11, from its header alone', () => {
    const scan = startOfScanOffset(plain);
    expect(manifestInPrefix(plain.subarray(0, scan + 2))).toBe('absent');
    expect(manifestInPrefix(plain)).toBe('absent');
  });

  it('rules out nothing from a JPEG prefix that ends inside the header', () => {
    const scan = startOfScanOffset(plain);
    expect(manifestInPrefix(plain.subarray(0, scan))).toBe('possible');
    expect(manifestInPrefix(plain.subarray(0, 3))).toBe('possible');
  });

  it('keeps a JPEG with an APP11 segment, or with XMP naming a remote manifest, for the engine', () => {
    expect(manifestInPrefix(jpegWithSegment(plain, segment(0xeb, 'JP\x00\x01jumb c2pa')))).toBe('possible');
    expect(manifestInPrefix(jpegWithSegment(plain, segment(0xe1, 'http://ns.adobe.com/xap/1.0/\x00<rdf dcterms:provenance="https://m.example/1"/>')))).toBe('possible');
    expect(manifestInPrefix(jpegWithSegment(plain, segment(0xe1, 'http://ns.adobe.com/xap/1.0/\x00<rdf dc:title="x"/>')))).toBe('absent');
  });

  it('rules out nothing for a format whose manifest has no fixed place, or for broken bytes', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0, 0x49, 0x44, 0x41, 0x54]);
    expect(manifestInPrefix(png)).toBe('possible');
    expect(manifestInPrefix(new TextEncoder().encode('RIFF\x00\x00\x00\x00WEBPVP8 '))).toBe('possible');
    expect(manifestInPrefix(Uint8Array.from([0xff, 0xd8, 0x00, 0x00]))).toBe('possible');
  });
});
