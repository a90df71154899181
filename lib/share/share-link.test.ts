import { describe, expect, it } from 'vitest';
import { maxShareFragmentLength, shareFragment, shareLink, ShareLinkTooLongError } from './share-link';
import { sharedProofExample as shared } from '../../test/shared-proof-example';

describe('shareFragment', () => {
  it('writes #share=v1. and unpadded base64url of the UTF-8 JSON', () => {
    const fragment = shareFragment(shared);
    expect(fragment).toMatch(/^#share=v1\.[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(fragment.slice('#share=v1.'.length), 'base64url').toString('utf8'))).toEqual(shared);
  });

  it('refuses a proof whose link no browser would open', () => {
    const huge = { ...shared, proof: { ...shared.proof, shownText: 'x'.repeat(maxShareFragmentLength), renderedText: '' } };
    expect(() => shareFragment(huge)).toThrow(ShareLinkTooLongError);
  });
});

describe('shareLink', () => {
  it('puts the fragment on the inspector address, replacing its own fragment', () => {
    const link = shareLink('chrome-extension://abcdefghijklmnop/inspector.html#old', shared);
    expect(link).toBe(`chrome-extension://abcdefghijklmnop/inspector.html${shareFragment(shared)}`);
  });
});
