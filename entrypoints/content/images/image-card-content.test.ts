import { describe, expect, it } from 'vitest';
import { unreadImageVerdict, type ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { imageCardContentOf } from './image-card-content';

const claims = { signer: 'Verity Test Studio', issuer: 'Test CA', claimGenerator: 'Test Image Model 2.1', signedAt: '2026-05-01T10:00:00Z', actions: [{ action: 'c2pa.created' }, { action: 'c2pa.color_adjustments' }] };
const aiSource = { manifestLabel: 'm', action: 'c2pa.created', digitalSourceType: 'trainedAlgorithmicMedia', fromIngredient: false };
const verdictOf = (change: Partial<ImageVerdict>): ImageVerdict => ({ state: 'verified', reason: 'valid', failures: [], ai: { generated: true, sources: [aiSource] }, claims, ingredients: [], ...change });

describe('imageCardContentOf', () => {
  it('says "Made with AI — signed by … using …, date", that this is about origin, and labels the rest as the manifest’s claims', () => {
    const content = imageCardContentOf(verdictOf({}));
    expect(content).toMatchObject({ state: 'verified', word: 'AI · Verified', headline: 'Made with AI — signed by Verity Test Studio using Test Image Model 2.1, 2026-05-01' });
    expect(content.summary).toContain('not whether what it shows is true');
    expect(content.claims).toEqual([
      { label: 'Signed by', value: 'Verity Test Studio' },
      { label: 'Certificate from', value: 'Test CA' },
      { label: 'Made with', value: 'Test Image Model 2.1' },
      { label: 'Signed on', value: expect.stringMatching(/2026/) },
      { label: 'Actions', value: 'created, color adjustments' },
    ]);
    // In the reader's own words for a time, not the manifest's ISO text.
    expect(content.claims.find(({ label }) => label === 'Signed on')?.value).not.toContain('T10:00:00Z');
  });

  it('says whether the time stamp’s authority is on the C2PA TSA Trust List, and gives a time it cannot read as written', () => {
    const signedOn = (change: Partial<ImageVerdict>) => imageCardContentOf(verdictOf(change)).claims.find(({ label }) => label === 'Signed on')?.value;
    expect(signedOn({ timeStamp: 'trusted' })).toMatch(/2026.* \(time stamp from an authority on the C2PA TSA Trust List\)$/);
    expect(signedOn({ timeStamp: 'untrusted' })).toMatch(/ \(time stamp from an authority not on the C2PA TSA Trust List\)$/);
    expect(signedOn({ claims: { ...claims, signedAt: 'yesterday' } })).toBe('yesterday');
  });

  it('says of an image it could not read that it cannot tell whether it has Content Credentials', () => {
    const content = imageCardContentOf(unreadImageVerdict('The image could not be fetched: HTTP 403'));
    expect(content).toMatchObject({ state: 'unavailable', headline: 'The image could not be fetched: HTTP 403', claims: [] });
    expect(content.summary).toBe('Verity could not read this image, so it cannot say whether it carries Content Credentials.');
  });

  it('tells an untrusted signer as such', () => {
    const content = imageCardContentOf(verdictOf({ state: 'untrusted' }));
    expect(content.word).toBe('AI · Untrusted');
    expect(content.headline).toContain('(a signer not on a trust list you use)');
    expect(content.note).toContain('anyone can sign');
  });

  it('tells an image untrusted only for its time stamp without calling its signer untrusted', () => {
    const content = imageCardContentOf(verdictOf({ state: 'untrusted', untrustedBy: 'time-stamp' }));
    expect(content.headline).toContain('(time stamp from an authority not on a trust list you use)');
    expect(content.note).toBe('The signature holds and the signer is on a trust list you use, but the time of signing is vouched for by a time-stamping authority that is not.');
  });

  it('names what a verified signer’s trust rested on, the retired interim list as such', () => {
    const listed = imageCardContentOf(verdictOf({ trustedBy: 'c2pa-trust-list' }));
    expect(listed.headline).toBe('Made with AI — signed by Verity Test Studio (signer on the C2PA Trust List) using Test Image Model 2.1, 2026-05-01');
    expect(listed.note).toContain('C2PA Trust List');
    const interim = imageCardContentOf(verdictOf({ trustedBy: 'interim' }));
    expect(interim.word).toBe('AI · Verified');
    expect(interim.headline).toContain('(signer on the retired interim list)');
    expect(interim.note).toContain('retired interim list');
    expect(imageCardContentOf(verdictOf({ trustedBy: 'reader' })).headline).toContain('(a signer you added)');
    expect(imageCardContentOf(verdictOf({ trustedBy: 'organisation' })).note).toContain('your organisation trusts');
  });

  it('gives a failed manifest’s reason and codes, and never calls its image AI-made', () => {
    const content = imageCardContentOf(verdictOf({ state: 'altered', reason: 'The image changed after it was signed (assertion.dataHash.mismatch)', failures: [{ code: 'assertion.dataHash.mismatch' }] }));
    expect(content).toMatchObject({ word: 'Altered', headline: 'The image changed after it was signed (assertion.dataHash.mismatch)', codes: 'assertion.dataHash.mismatch' });
  });

  it('says plainly when an image asked about has no Content Credentials', () => {
    const content = imageCardContentOf(null);
    expect(content.state).toBeUndefined();
    expect(content.headline).toBe('This image carries no Content Credentials');
    expect(content.claims).toEqual([]);
  });
});
