import { signatureChecked } from '../verdict/signature-checked';
import type { CheckId, Verdict } from '../verdict/types';

/**
 * What a card's "Trust this signer…" asks the reader to trust (docs/protocol.md
 * §7, "Trust this signer"): an EAS attester (on every chain), an ERC-7007
 * contract on one chain, or an OpenGradient settlement relay on one chain.
 * Plain TypeScript without zod: the content script's card makes one, the
 * worker checks it (parse-message.ts), the options page reads it.
 */
export type TrustRequest =
  | { kind: 'attester'; address: string }
  | { kind: 'erc7007'; address: string; chainId: number }
  | { kind: 'relay'; address: string; chainId: number };

type TrustRequestKind = TrustRequest['kind'];

/** The check that fails, `untrusted`, for each kind: the only one the request would change. */
const untrustedCheck: Record<TrustRequestKind, CheckId> = {
  attester: 'attester-trusted',
  erc7007: 'contract-trusted',
  relay: 'relay-trusted',
};

/**
 * What the reader may choose to trust to make this verdict hold: only for
 * an `untrusted` verdict whose signing check held, and whose one untrusted
 * check is an attester, ERC-7007 contract or settlement relay the
 * configuration does not name. An untrusted TEE registry or EAS contract is
 * infrastructure, not a signer, and is never offered.
 */
export function trustRequestOf(verdict: Pick<Verdict, 'state' | 'proofType' | 'checks' | 'facts'>): TrustRequest | undefined {
  if (verdict.state !== 'untrusted' || !signatureChecked(verdict)) return undefined;
  const untrusted = verdict.checks.filter((check) => check.implies === 'untrusted');
  if (untrusted.length !== 1) return undefined;
  const { facts } = verdict;
  switch (untrusted[0]!.id) {
    case untrustedCheck.attester:
      return facts.attester === undefined ? undefined : { kind: 'attester', address: facts.attester.toLowerCase() };
    case untrustedCheck.erc7007:
      return facts.contract === undefined || facts.chainId === undefined ? undefined : { kind: 'erc7007', address: facts.contract.toLowerCase(), chainId: facts.chainId };
    case untrustedCheck.relay:
      return facts.relay === undefined || facts.chainId === undefined ? undefined : { kind: 'relay', address: facts.relay.toLowerCase(), chainId: facts.chainId };
    default:
      return undefined;
  }
}

/**
 * The options page's address fragment for a request: `#trust=0x…` for an
 * attester (as before chains were named), `#trust=erc7007:CHAINID:0x…` and
 * `#trust=relay:CHAINID:0x…` for the others.
 */
export function trustRequestHash(request: TrustRequest): string {
  return request.kind === 'attester' ? `#trust=${request.address}` : `#trust=${request.kind}:${request.chainId}:${request.address}`;
}

/** The request a fragment made by trustRequestHash asks, addresses lowercased; undefined for anything else. */
export function readTrustRequestHash(hash: string): TrustRequest | undefined {
  const match = /^#trust=(?:(erc7007|relay):([1-9][0-9]{0,15}):)?(0x[0-9a-fA-F]{40})$/.exec(hash);
  if (match === null) return undefined;
  const [, kind, chainId, address] = match;
  const lowered = address!.toLowerCase();
  if (kind === undefined) return { kind: 'attester', address: lowered };
  const id = Number(chainId);
  if (!Number.isSafeInteger(id)) return undefined;
  return { kind: kind as 'erc7007' | 'relay', address: lowered, chainId: id };
}
