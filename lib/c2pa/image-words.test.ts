import { describe, expect, it } from 'vitest';
import { imageVerdictOf, type ImageVerdict } from './image-verdict';
import { manifestStore } from './manifest-store';
import { imageHeadline, signedOnWords } from './image-words';

const verdict = (overrides: Partial<ImageVerdict>): ImageVerdict => ({
  state: 'verified',
  reason: 'why',
  failures: [],
  ai: { generated: true, sources: [] },
  claims: { signer: 'Studio Signer', claimGenerator: 'Model 2.1', signedAt: '2026-11-02T10:00:00Z', actions: [] },
  ingredients: [],
  ...overrides,
});

describe('signedOnWords', () => {
  it('gives the claimed time with what Verity found of its time stamp’s authority', () => {
    expect(signedOnWords('2026-11-02T10:00:00+00:00', 'trusted')).toBe('2026-11-02T10:00:00+00:00 (time stamp from an authority on the C2PA TSA Trust List)');
    expect(signedOnWords('2026-11-02T10:00:00+00:00', 'untrusted')).toBe('2026-11-02T10:00:00+00:00 (time stamp from an authority not on the C2PA TSA Trust List)');
    expect(signedOnWords('2026-11-02T10:00:00+00:00', undefined)).toBe('2026-11-02T10:00:00+00:00');
  });
});

describe('imageHeadline', () => {
  it('tells an AI image’s signature as the manifest claims it', () => {
    expect(imageHeadline(verdict({}))).toBe('Made with AI — signed by Studio Signer using Model 2.1, 2026-11-02');
    expect(imageHeadline(verdict({ ai: { generated: false, sources: [] }, claims: { signer: 'Cam', actions: [] } }))).toBe('Content Credentials — signed by Cam');
  });

  it('says the signer is not trusted, and gives the failure itself for every failed state', () => {
    expect(imageHeadline(verdict({ state: 'untrusted' }))).toBe('Made with AI — signed by Studio Signer (a signer not on a trust list you use) using Model 2.1, 2026-11-02');
    for (const state of ['invalid', 'altered', 'malformed', 'unavailable'] as const) expect(imageHeadline(verdict({ state, reason: `the ${state} reason` }))).toBe(`the ${state} reason`);
  });

  it('says of an image untrusted only for its time stamp that the time stamp’s authority, not the signer, is off the trust lists', () => {
    const store = {
      active_manifest: 'urn:c2pa:1',
      manifests: { 'urn:c2pa:1': { signature_info: { common_name: 'Studio Signer' } } },
      validation_results: { activeManifest: { success: [{ code: 'claimSignature.validated' }, { code: 'signingCredential.trusted' }], informational: [], failure: [{ code: 'timeStamp.untrusted' }] } },
    };
    // As the engine's output is read (lib/c2pa/check-image.ts): through the schema.
    const timeStampOnly = imageVerdictOf(manifestStore.parse(store));
    expect(timeStampOnly).toMatchObject({ state: 'untrusted', untrustedBy: 'time-stamp' });
    expect(timeStampOnly.reason).toBe('The Content Credentials are valid and their signer is on a trust list you use, but their time stamp comes from an authority not on a trust list you use');
    expect(imageHeadline(timeStampOnly)).toBe('Content Credentials — signed by Studio Signer (time stamp from an authority not on a trust list you use)');
    expect(imageHeadline(timeStampOnly)).not.toContain('signer not on a trust list');

    store.validation_results.activeManifest.failure.push({ code: 'signingCredential.untrusted' });
    const signerToo = imageVerdictOf(manifestStore.parse(store));
    expect(signerToo).toMatchObject({ state: 'untrusted', untrustedBy: 'signer', reason: 'The Content Credentials are valid, but their signer is not on a trust list you use' });
    expect(imageHeadline(signerToo)).toBe('Content Credentials — signed by Studio Signer (a signer not on a trust list you use)');
  });
});
