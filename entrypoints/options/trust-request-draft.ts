import type { TrustRequest } from '../../lib/trust/trust-request';
import { newDraftKey, type ChainDraft, type TrustDraft } from './trust-draft';

/**
 * "Trust this signer…" in the options form (docs/protocol.md §7): an
 * attester joins `trustedAttesters` with the reader's label; an ERC-7007
 * contract joins its chain's `erc7007` list; a settlement relay joins its
 * chain's `opengradient.settlementRelays`. Undoing takes it out again.
 */

const same = (a: string, b: string) => a.trim().toLowerCase() === b;

function chainOf(draft: TrustDraft, chainId: number): ChainDraft | undefined {
  return draft.chains.find((chain) => chain.chainId.trim() === String(chainId));
}

/** Whether the form trusts what the request asks about. */
export function draftTrusts(draft: TrustDraft, request: TrustRequest): boolean {
  switch (request.kind) {
    case 'attester':
      return draft.attesters.some(({ address }) => same(address, request.address));
    case 'erc7007':
      return chainOf(draft, request.chainId)?.erc7007?.some((contract) => same(contract, request.address)) ?? false;
    case 'relay':
      return chainOf(draft, request.chainId)?.opengradient?.settlementRelays.some((relay) => same(relay, request.address)) ?? false;
  }
}

/** The configuration path the organisation would have to leave to the reader for the request to be theirs to change. */
export function trustRequestPath(request: TrustRequest): string {
  switch (request.kind) {
    case 'attester':
      return `trustedAttesters.${request.address}`;
    case 'erc7007':
      return `erc7007.${request.chainId}`;
    case 'relay':
      return `opengradient.${request.chainId}.settlementRelays`;
  }
}

export type DraftWithTrustReturnType = { ok: true; draft: TrustDraft } | { ok: false; reason: string };

/**
 * The form with the request trusted (`label`, an attester's name in the
 * reader's words) or no longer trusted (null). A contract or relay needs
 * its chain in the form: a relay, the chain's OpenGradient entry too.
 */
export function draftWithTrust(draft: TrustDraft, request: TrustRequest, label: string | null): DraftWithTrustReturnType {
  if (request.kind === 'attester') {
    const others = draft.attesters.filter(({ address }) => !same(address, request.address));
    const attesters = label === null ? others : [...others, { key: newDraftKey(), address: request.address, label, inBase: false }];
    return { ok: true, draft: { ...draft, attesters } };
  }
  const chain = chainOf(draft, request.chainId);
  if (chain === undefined) return { ok: false, reason: `Chain ${request.chainId} is not in your settings, so nothing on it can be trusted here.` };
  const withOrWithout = (list: readonly string[]) => {
    const others = list.filter((entry) => !same(entry, request.address));
    return label === null ? others : [...others, request.address];
  };
  let changed: ChainDraft;
  if (request.kind === 'erc7007') {
    const contracts = withOrWithout(chain.erc7007 ?? []);
    // Undone to nothing: no list, as before, so the reader's layer keeps no empty one.
    changed = { ...chain, erc7007: contracts.length === 0 && label === null ? null : contracts };
  } else {
    if (chain.opengradient === null) return { ok: false, reason: `Your settings name no OpenGradient registry on chain ${request.chainId}, so a relay there cannot be trusted here.` };
    changed = { ...chain, opengradient: { ...chain.opengradient, settlementRelays: withOrWithout(chain.opengradient.settlementRelays) } };
  }
  return { ok: true, draft: { ...draft, chains: draft.chains.map((each) => (each === chain ? changed : each)) } };
}

/** The chain's name as the form has it, for the prompt; undefined for an attester (trusted on every chain) or a chain it lacks. */
export function chainNameOf(draft: TrustDraft, request: TrustRequest): string | undefined {
  if (request.kind === 'attester') return undefined;
  return chainOf(draft, request.chainId)?.connection?.name.trim() || undefined;
}
