import { useState } from 'react';
import type { TrustRequest } from '../../lib/trust/trust-request';

export type TrustSignerPromptProps = {
  /** What the card asked to trust, its address lowercased. */
  request: TrustRequest;
  /** The chain's name in the reader's settings, for a contract or a relay. */
  chainName?: string | undefined;
  /** Whether it is trusted now (just added, or already in the settings). */
  trusted: boolean;
  /** Why it cannot be trusted from here (the chain is not set up, or the organisation sets that list); the prompt then only says so. */
  blocked?: string | undefined;
  busy: boolean;
  onTrust: (label: string) => void;
  onUndo: () => void;
  onDismiss: () => void;
};

/** The words for each kind: what is trusted, and what that does, in a reader's terms. */
const kindWords = {
  attester: { noun: 'signer', who: 'someone you haven’t chosen to trust', result: 'their proofs' },
  erc7007: { noun: 'contract', who: 'an AI content token contract you haven’t chosen to trust', result: 'the proofs it vouches for' },
  relay: { noun: 'relay', who: 'a settlement relay you haven’t chosen to trust', result: 'the proofs it records' },
} as const;

/** "the ERC-7007 contract 0x… on Base (chain 8453)", in full: the reader confirms exactly this. */
function subjectOf(request: TrustRequest, chainName: string | undefined): string {
  if (request.kind === 'attester') return `the signer ${request.address}`;
  const chain = chainName === undefined ? `chain ${request.chainId}` : `${chainName} (chain ${request.chainId})`;
  return request.kind === 'erc7007' ? `the ERC-7007 contract ${request.address} on ${chain}` : `the settlement relay ${request.address} on ${chain}`;
}

/**
 * "Trust this signer", asked from a badge's card: one confirmation, and
 * once trusted, an undo right there (the form below can remove it later).
 */
export function TrustSignerPrompt({ request, chainName, trusted, blocked, busy, onTrust, onUndo, onDismiss }: TrustSignerPromptProps) {
  const [label, setLabel] = useState('');
  const name = label.trim() || 'Signer I trust';
  const words = kindWords[request.kind];
  const subject = subjectOf(request, chainName);
  if (trusted) {
    return (
      <div role="status" className="rounded-xl border border-emerald-300 bg-emerald-50 px-4 py-3 text-sm text-emerald-950">
        <p className="font-semibold">You trust this {words.noun} now</p>
        <p className="mt-1 break-words">
          Verity trusts {subject}: {words.result} show as Verified when they check out.
        </p>
        <button type="button" disabled={busy} onClick={onUndo} className="focus-ring mt-2 rounded-md border border-emerald-400 bg-white px-3 py-1 font-medium hover:bg-emerald-100">
          Undo
        </button>
      </div>
    );
  }
  return (
    <section aria-labelledby="trust-signer-heading" className="rounded-xl border border-sky-300 bg-sky-50 px-4 py-3 text-sm text-slate-900">
      <h2 id="trust-signer-heading" className="font-semibold">
        Trust this {words.noun}?
      </h2>
      <p className="mt-1 text-slate-700">
        A proof on a page you read was signed by {words.who}. Trust it only if you know who is behind it: Verity will then show{' '}
        {words.result} as Verified, on every site. It still checks each one.
      </p>
      <p className="mt-2 break-words">What you would trust: {subject}.</p>
      {blocked !== undefined ? (
        <p className="mt-2 text-slate-700">{blocked}</p>
      ) : (
        request.kind === 'attester' && (
          <label className="mt-3 block">
            <span className="text-slate-700">Who is it, in your words</span>
            <input
              value={label}
              maxLength={100}
              onChange={(event) => setLabel(event.target.value)}
              placeholder="Signer I trust"
              className="focus-ring mt-1 block w-full max-w-sm rounded-md border border-slate-300 bg-white px-2 py-1"
            />
          </label>
        )
      )}
      <div className="mt-3 flex gap-2">
        {blocked === undefined && (
          <button type="button" disabled={busy} onClick={() => onTrust(name)} className="focus-ring rounded-md bg-sky-700 px-3 py-1.5 font-medium text-white hover:bg-sky-800">
            Trust this {words.noun}
          </button>
        )}
        <button type="button" onClick={onDismiss} className="focus-ring rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50">
          Not now
        </button>
      </div>
    </section>
  );
}
