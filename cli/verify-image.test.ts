import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveC2paTestImages } from '../test/fixtures/c2pa-image-server';
import { c2paTestImages, type C2paTestImages } from '../test/fixtures/c2pa-images';
import { runVerity } from '../test/run-verity';
import { startC2paEngine } from './c2pa-engine';
import { verifyImage } from './verify-image';

let images: C2paTestImages;
let dir: string;
let server: Awaited<ReturnType<typeof serveC2paTestImages>>;
const file = (name: keyof C2paTestImages) => join(dir, `${name}.jpg`);

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
  dir = mkdtempSync(join(tmpdir(), 'verity-cli-images-'));
  for (const [name, value] of Object.entries(images)) if (value instanceof Uint8Array) writeFileSync(file(name as keyof C2paTestImages), value);
  writeFileSync(join(dir, 'anchors.pem'), images.trustAnchors);
  // Served as a generic type: the bytes, not the header, say it is a JPEG.
  server = await serveC2paTestImages(images, { contentType: 'application/octet-stream', cors: false });
});

afterAll(() => server?.close());

/** The CLI's image path in this process: the engine starts once, not once a run. */
const verifyJson = async (name: keyof C2paTestImages, anchorPaths: string[] = []) =>
  JSON.parse(await verifyImage({ source: file(name), bytes: images[name] as Uint8Array, anchorPaths, json: true })) as {
    image: { state: string; ai: { generated: boolean }; failures: { code: string }[] } | null;
  };

describe('verity verify IMAGE', () => {
  it('gives each signed test image its state, with the anchors given', async () => {
    const anchors = [join(dir, 'anchors.pem')];
    const expected = { trustedAi: 'verified', unknownSigner: 'untrusted', editedAi: 'verified', bytesChanged: 'altered', manifestCut: 'malformed', badSignature: 'invalid' } as const;
    for (const [name, state] of Object.entries(expected)) {
      const { image } = await verifyJson(name as keyof C2paTestImages, anchors);
      expect({ name, state: image?.state, ai: image?.ai.generated }).toEqual({ name, state, ai: state !== 'malformed' });
    }
  });

  it('says a valid signer is untrusted without anchors, and gives no verdict on an image without a manifest', async () => {
    expect((await verifyJson('trustedAi')).image?.state).toBe('untrusted');
    expect((await verifyJson('noManifest')).image).toBeNull();
    expect(await verifyImage({ source: 'x.jpg', bytes: images.noManifest, anchorPaths: [], json: false })).toContain('No Content Credentials');
  });

  it('takes a --config file’s c2pa anchors as ones the reader added', async () => {
    const json = await verifyImage({ source: 'x.jpg', bytes: images.trustedAi, anchorPaths: [], configTrust: { anchors: images.trustAnchors }, json: true });
    expect(JSON.parse(json)).toMatchObject({ image: { state: 'verified', trustedBy: 'reader', timeStamp: 'untrusted' } });
    // The time stamp's authority chains to the reader's anchor, which vouches for signers only: the shipped TSA list does not hold it.
    const text = await verifyImage({ source: 'x.jpg', bytes: images.trustedAi, anchorPaths: [], configTrust: { anchors: images.trustAnchors }, json: false });
    expect(text).toMatch(new RegExp(`signed at\\s+${images.trustedAiSignedAt.toISOString().slice(0, 19)}\\+00:00 \\(time stamp from an authority not on the C2PA TSA Trust List\\)`));
  });

  it('refuses anchors that are not PEM certificates', async () => {
    await expect(verifyJson('trustedAi', [file('noManifest')])).rejects.toThrow('No certificate found');
  });

  // The command itself, three runs: a run costs seconds of start-up.
  it('prints the verdict in a reader’s words and the manifest’s claims as its claims', { timeout: 60_000 }, async () => {
    const { code, stdout } = await runVerity(['verify', file('editedAi'), '--c2pa-anchors', join(dir, 'anchors.pem')]);
    expect(code).toBe(0);
    expect(stdout).toContain(`verified     Made with AI — signed by ${images.trustedSignerName} (a signer you added) using Verity Test Generator 1.0`);
    expect(stdout).toContain('The manifest claims:');
    expect(stdout).toMatch(/AI\s+trainedAlgorithmicMedia \(c2pa\.created, in an ingredient\)/);
    expect(stdout).toMatch(/ingredient\s+parent\.jpg \(parentOf\): verified/);
  });

  it('reads an image from a URL, whatever type the server gives it', { timeout: 60_000 }, async () => {
    const { code, stdout } = await runVerity(['verify', `${server.baseUrl}/bytesChanged`, '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ image: { state: 'altered', failures: expect.arrayContaining([expect.objectContaining({ code: 'assertion.dataHash.mismatch' })]) } });
  });

  it('refuses --report for an image', { timeout: 60_000 }, async () => {
    expect(await runVerity(['verify', file('trustedAi'), '--report', 'md'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--report is for pages') });
  });
});
