import { describe, expect, it } from 'vitest';
import { layerTrustConfig } from '../../lib/trust/layer';
import type { TrustRequest } from '../../lib/trust/trust-request';
import { checkDraft, toDraft, userLayer } from './trust-draft';
import { chainNameOf, draftTrusts, draftWithTrust } from './trust-request-draft';

const { config: defaults, provenance } = layerTrustConfig({});
const managedPaths = new Set(Object.keys(provenance));
const contract = `0x${'ab'.repeat(20)}`;
const relay = `0x${'cd'.repeat(20)}`;

/** The reader's layer the options page would save for a form. */
function savedLayer(draft: ReturnType<typeof toDraft>) {
  const check = checkDraft(draft);
  if (!check.ok) throw new Error(JSON.stringify(check.issues));
  return userLayer(defaults, check.config, managedPaths);
}

function trusting(request: TrustRequest, label: string | null, draft = toDraft(defaults, defaults)) {
  const changed = draftWithTrust(draft, request, label);
  if (!changed.ok) throw new Error(changed.reason);
  return changed.draft;
}

describe('"Trust this signer" in the options form', () => {
  it('trusts an ERC-7007 contract on its chain, and undoing leaves nothing behind', () => {
    const request: TrustRequest = { kind: 'erc7007', address: contract, chainId: 1 };
    const before = toDraft(defaults, defaults);
    expect(draftTrusts(before, request)).toBe(false);
    const trusted = trusting(request, 'ignored for a contract', before);
    expect(draftTrusts(trusted, request)).toBe(true);
    expect(savedLayer(trusted)).toEqual({ erc7007: { '1': [contract] } });
    const undone = trusting(request, null, trusted);
    expect(draftTrusts(undone, request)).toBe(false);
    expect(savedLayer(undone)).toEqual({});
  });

  it("trusts a settlement relay beside the chain's own, on the chain it settles on", () => {
    const chainId = Number(Object.keys(defaults.opengradient)[0]);
    const request: TrustRequest = { kind: 'relay', address: relay, chainId };
    const trusted = trusting(request, '');
    expect(draftTrusts(trusted, request)).toBe(true);
    expect(savedLayer(trusted)).toEqual({ opengradient: { [chainId]: { settlementRelays: [...defaults.opengradient[chainId]!.settlementRelays, relay] } } });
    expect(savedLayer(trusting(request, null, trusted))).toEqual({});
    expect(chainNameOf(trusted, request)).toBe(defaults.chains[chainId]!.name);
  });

  it('trusts an attester on every chain, by the name the reader gives', () => {
    const request: TrustRequest = { kind: 'attester', address: contract };
    expect(savedLayer(trusting(request, 'Stringer desk'))).toEqual({ trustedAttesters: [{ address: contract, label: 'Stringer desk' }] });
  });

  it('says why a contract or relay on a chain the settings lack cannot be trusted from here', () => {
    const draft = toDraft(defaults, defaults);
    expect(draftWithTrust(draft, { kind: 'erc7007', address: contract, chainId: 999_999 }, '')).toEqual({
      ok: false,
      reason: 'Chain 999999 is not in your settings, so nothing on it can be trusted here.',
    });
    expect(draftWithTrust(draft, { kind: 'relay', address: relay, chainId: 1 }, '')).toMatchObject({ ok: false, reason: expect.stringMatching(/no OpenGradient registry on chain 1/) });
  });
});
