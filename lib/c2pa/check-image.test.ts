import { readFileSync } from 'node:fs';
import { WasmReader } from '@contentauth/c2pa-wasm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { startC2paEngine } from '../../cli/c2pa-engine';
import { c2paTestImages, gradientJpeg, type C2paTestImages } from '../../test/fixtures/c2pa-images';
import { signImage } from '../../test/generators/c2pa-sign-image';
import { makeTestSigningChain } from '../../test/generators/c2pa-test-pki';
import type { AnchorSet } from './anchor-sets';
import { checkImage } from './check-image';

let images: C2paTestImages;

beforeAll(async () => {
  startC2paEngine();
  images = await c2paTestImages();
});

const reader = (): AnchorSet[] => [{ source: 'reader', pem: images.trustAnchors }];
const check = (bytes: Uint8Array, trustAnchors: AnchorSet[] = reader()) => checkImage({ bytes, trustAnchors });
const officialList = readFileSync(new URL('./trust-lists/C2PA-TRUST-LIST.pem.txt', import.meta.url), 'utf8');

describe('checkImage on images signed by the engine’s Builder', () => {
  it('verifies an AI image whose signer chains to an anchor, and says what its manifest claims', async () => {
    const verdict = await check(images.trustedAi);
    expect(verdict).toMatchObject({ state: 'verified', failures: [], ai: { generated: true }, trustedBy: 'reader' });
    expect(verdict?.ai.sources).toEqual([expect.objectContaining({ action: 'c2pa.created', digitalSourceType: 'trainedAlgorithmicMedia', fromIngredient: false })]);
    expect(verdict?.claims).toMatchObject({ claimGenerator: 'Test Image Model 2.1', signer: images.trustedSignerName, issuer: 'Verity Test Studio' });
    expect(verdict?.claims?.actions[0]).toMatchObject({ action: 'c2pa.created' });
  });

  it('verifies a camera capture without marking it as AI', async () => {
    expect(await check(images.trustedCapture)).toMatchObject({ state: 'verified', ai: { generated: false, sources: [] } });
  });

  it('reads the time stamp’s time, and trusts its authority only through a TSA list', async () => {
    const tsaList: AnchorSet = { source: 'c2pa-tsa-list', pem: images.trustAnchors };
    const stamped = await check(images.trustedAi, [...reader(), tsaList]);
    expect(stamped).toMatchObject({ state: 'verified', trustedBy: 'reader', timeStamp: 'trusted' });
    // The time the authority wrote in its token, to the second.
    expect(Date.parse(stamped!.claims!.signedAt!)).toBe(images.trustedAiSignedAt.getTime());
    // The same authority under a signer's anchor only: the time is still read, its authority not trusted, the state unchanged.
    expect(await check(images.trustedAi)).toMatchObject({ state: 'verified', timeStamp: 'untrusted', claims: { signedAt: stamped!.claims!.signedAt } });
    const unstamped = await check(images.trustedCapture, [...reader(), tsaList]);
    expect(unstamped).not.toHaveProperty('timeStamp');
    expect(unstamped?.claims).not.toHaveProperty('signedAt');
  });

  it('judges a signer whose certificate has since expired at its trusted time stamp’s time, and at today’s without one', { timeout: 60_000 }, async () => {
    // Signed while the certificate is valid, which a loaded machine (the full suite) may take longer than 3 s to do: a longer life then.
    let signed: { chain: ReturnType<typeof makeTestSigningChain>; image: Uint8Array; validUntil: Date } | undefined;
    for (const lifeMs of [3_000, 10_000, 25_000]) {
      const validUntil = new Date(Date.now() + lifeMs);
      const chain = makeTestSigningChain('Short-Lived Studio', { signerValidUntil: validUntil });
      const image = await signImage({ jpeg: gradientJpeg(32, 32), chain, digitalSourceType: 'trainedAlgorithmicMedia', timeStampedBy: chain });
      if (Date.now() < validUntil.getTime() - 500) {
        signed = { chain, image, validUntil };
        break;
      }
    }
    const { chain, image, validUntil } = signed!;
    await new Promise((resolve) => setTimeout(resolve, validUntil.getTime() + 1_500 - Date.now()));
    const signer: AnchorSet = { source: 'reader', pem: chain.rootPem };
    expect(await check(image, [signer, { source: 'c2pa-tsa-list', pem: chain.rootPem }])).toMatchObject({ state: 'verified', timeStamp: 'trusted' });
    expect(await check(image, [signer])).toMatchObject({ state: 'invalid', timeStamp: 'untrusted', failures: expect.arrayContaining([expect.objectContaining({ code: 'signingCredential.expired' })]) });
  });

  it('never takes an anchor of the TSA list as a signer’s', async () => {
    expect(await check(images.trustedAi, [{ source: 'c2pa-tsa-list', pem: images.trustAnchors }])).toMatchObject({
      state: 'untrusted',
      timeStamp: 'trusted',
      failures: [expect.objectContaining({ code: 'signingCredential.untrusted' })],
    });
  });

  it('calls the same image untrusted without the anchor, and a signer from another chain untrusted', async () => {
    expect(await check(images.trustedAi, [])).toMatchObject({ state: 'untrusted', failures: [expect.objectContaining({ code: 'signingCredential.untrusted' })] });
    expect(await check(images.unknownSigner)).toMatchObject({ state: 'untrusted', ai: { generated: true }, claims: { signer: images.unknownSignerName } });
  });

  it('names the source that made the signer trusted: the first, in order, whose anchors suffice', async () => {
    const official: AnchorSet = { source: 'c2pa-trust-list', pem: officialList };
    const interim: AnchorSet = { source: 'interim', pem: images.trustAnchors };
    expect(await check(images.trustedAi, [official])).toMatchObject({ state: 'untrusted' });
    const throughInterim = await check(images.trustedAi, [interim, official]);
    expect(throughInterim).toMatchObject({ state: 'verified', trustedBy: 'interim' });
    expect(throughInterim?.reason).toContain('retired interim list');
    expect(await check(images.trustedAi, [interim, official, ...reader()])).toMatchObject({ state: 'verified', trustedBy: 'reader' });
    expect(await check(images.trustedAi, [interim, { source: 'organisation', pem: images.trustAnchors }])).toMatchObject({ trustedBy: 'organisation' });
    expect(await check(images.trustedAi, [{ source: 'c2pa-trust-list', pem: `${officialList}\n${images.trustAnchors}` }, interim])).toMatchObject({ trustedBy: 'c2pa-trust-list' });
    expect(await check(images.unknownSigner, [official, interim])).toMatchObject({ state: 'untrusted' });
  });

  it('reads the image once when the engine names the first source as the one that trusted the signer', async () => {
    const reads = vi.spyOn(WasmReader, 'fromBytes');
    try {
      const other = makeTestSigningChain('Another Newsroom').rootPem;
      const sets: AnchorSet[] = [{ source: 'c2pa-trust-list', pem: images.trustAnchors }, { source: 'reader', pem: other }];
      expect(await check(images.trustedAi, sets)).toMatchObject({ state: 'verified', trustedBy: 'c2pa-trust-list' });
      expect(reads).toHaveBeenCalledTimes(1);
      // Named the second, it reads the first alone once more, to be sure the first does not trust it too.
      reads.mockClear();
      expect(await check(images.trustedAi, [{ source: 'c2pa-trust-list', pem: other }, { source: 'reader', pem: images.trustAnchors }])).toMatchObject({ trustedBy: 'reader' });
      expect(reads).toHaveBeenCalledTimes(2);
    } finally {
      reads.mockRestore();
    }
  });

  it('keeps an edited AI image an AI image through its ingredient, whose own manifest is checked too', async () => {
    const verdict = await check(images.editedAi);
    expect(verdict).toMatchObject({ state: 'verified', ai: { generated: true } });
    expect(verdict?.ai.sources).toEqual([expect.objectContaining({ digitalSourceType: 'trainedAlgorithmicMedia', fromIngredient: true })]);
    expect(verdict?.ingredients).toEqual([{ title: 'parent.jpg', relationship: 'parentOf', state: 'verified', failures: [] }]);
    expect(verdict?.claims?.actions.map(({ action }) => action)).toEqual(['c2pa.opened', 'c2pa.color_adjustments']);
  });

  it('says an ingredient is untrusted when its signer is not anchored, while the edit itself is verified by its own', async () => {
    const verdict = await check(images.editedAi, []);
    expect(verdict?.ingredients[0]?.state).toBe('untrusted');
  });

  it('calls an image whose bytes changed after signing altered, with the hard binding’s code', async () => {
    expect(await check(images.bytesChanged)).toMatchObject({ state: 'altered', failures: [expect.objectContaining({ code: 'assertion.dataHash.mismatch' })] });
  });

  it('calls a signature over other bytes invalid', async () => {
    expect(await check(images.badSignature)).toMatchObject({ state: 'invalid', failures: [expect.objectContaining({ code: 'claimSignature.mismatch' })] });
  });

  it('calls a manifest cut short malformed, naming the engine’s error', async () => {
    const verdict = await check(images.manifestCut);
    expect(verdict).toMatchObject({ state: 'malformed', ai: { generated: false } });
    expect(verdict?.reason).toContain('JumbfParseError');
  });

  it('keeps the engine’s manifest store only when asked, as the engine gave it', async () => {
    expect(await check(images.trustedAi)).not.toHaveProperty('manifestStore');
    const verdict = await checkImage({ bytes: images.bytesChanged, trustAnchors: [{ source: 'reader', pem: images.trustAnchors }], keepManifestStore: true });
    expect(verdict?.manifestStore).toMatchObject({ active_manifest: expect.any(String), validation_results: { activeManifest: { failure: [expect.objectContaining({ code: 'assertion.dataHash.mismatch' })] } } });
  });

  it('gives no verdict (no badge) on an image without a manifest', async () => {
    expect(await check(images.noManifest)).toBeNull();
  });

  it('calls bytes that are no image it reads unavailable, marked as an image not read (nothing says it has Content Credentials)', async () => {
    expect(await check(new TextEncoder().encode('<html>not an image</html>'))).toMatchObject({ state: 'unavailable', imageUnread: true });
    // A BMP: browsers show it, c2pa-rs reads no such format.
    const bmp = Uint8Array.from([0x42, 0x4d, ...new Uint8Array(60)]);
    expect(await checkImage({ bytes: bmp, declaredType: 'image/bmp', trustAnchors: reader() })).toMatchObject({ state: 'unavailable', imageUnread: true, reason: expect.stringContaining('UnsupportedType') });
  });
});
