import { describe, expect, it } from 'vitest';
import { manifestClaimsOf } from './manifest-claims';
import { manifestStore } from './manifest-store';

const manifestOf = (manifest: object) => manifestStore.parse({ active_manifest: 'm', manifests: { m: manifest } }).manifests.m!;

describe('manifestClaimsOf', () => {
  it('reads a claim version 2 manifest: generator with version, signer, time-stamp and actions', () => {
    const claims = manifestClaimsOf(
      manifestOf({
        claim_generator_info: [{ name: 'Image Model', version: '3.0', 'org.contentauth.c2pa_rs': '0.92.0' }, { name: 'second' }],
        title: 'cat.jpg',
        signature_info: { issuer: 'Example Corp', common_name: 'Example Signer', time: '2026-11-02T10:00:00+00:00', alg: 'Es256' },
        assertions: [
          { label: 'c2pa.actions.v2', data: { actions: [{ action: 'c2pa.created', digitalSourceType: 'x', softwareAgent: { name: 'Model 3' }, when: '2026-11-02' }] } },
          { label: 'c2pa.thumbnail.claim.jpeg', data: {} },
        ],
      }),
    );
    expect(claims).toEqual({
      claimGenerator: 'Image Model 3.0',
      signer: 'Example Signer',
      issuer: 'Example Corp',
      signedAt: '2026-11-02T10:00:00+00:00',
      title: 'cat.jpg',
      actions: [{ action: 'c2pa.created', digitalSourceType: 'x', softwareAgent: 'Model 3', when: '2026-11-02' }],
    });
  });

  it('reads claim version 1’s generator string and agent string, and leaves out what the manifest does not say', () => {
    const claims = manifestClaimsOf(
      manifestOf({ claim_generator: 'Old Editor/1.0 c2pa-rs/0.16', signature_info: { issuer: 'Only Org' }, assertions: [{ label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.opened', softwareAgent: 'Old Editor' }] } }] }),
    );
    expect(claims).toEqual({ claimGenerator: 'Old Editor/1.0 c2pa-rs/0.16', signer: 'Only Org', issuer: 'Only Org', actions: [{ action: 'c2pa.opened', softwareAgent: 'Old Editor' }] });
  });
});
