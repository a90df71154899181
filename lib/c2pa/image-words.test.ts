import { describe, expect, it } from 'vitest';
import type { ImageVerdict } from './image-verdict';
import { imageHeadline } from './image-words';

const verdict = (overrides: Partial<ImageVerdict>): ImageVerdict => ({
  state: 'verified',
  reason: 'why',
  failures: [],
  ai: { generated: true, sources: [] },
  claims: { signer: 'Studio Signer', claimGenerator: 'Model 2.1', signedAt: '2026-11-02T10:00:00Z', actions: [] },
  ingredients: [],
  ...overrides,
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
});
