import type { Hex } from 'viem';
import type { ChainReference } from '../chain/resolve-reference';
import { base64ToBytes } from '../encoding/base64';
import { isSharedImage, notShareLink, readShareLink } from '../share/read-share-link';
import { maxShareFragmentLength } from '../share/share-link';
import type { SharedProof } from '../share/types';
import { canonicalText } from '../text/canonical';
import { removeTokens, scanTokens, tokenInHref } from '../text/tokens';
import type { TrustConfig } from '../trust/schema';
import { readEasExplorerLink } from '../eas/explorer-link';
import { easscanAttestation } from './easscan';

/** What a pasted input was read as. */
export type PastedKind = 'empty' | 'text' | 'envelope' | 'token' | 'share-link' | 'transaction' | 'attestation' | 'hash';

/**
 * Longest input read, in UTF-16 code units: the longest share link (its
 * fragment and room for the extension's address). Every other kind is
 * smaller: an envelope is at most 256 KiB.
 */
export const maxPasteLength = maxShareFragmentLength + 256;

/** What a pasted input was read as; `kind` is its PastedKind, or `problem` when it cannot be used as it is. */
export type ClassifiedPaste =
  | { kind: 'empty' }
  | { kind: 'share-link'; shared: SharedProof }
  | { kind: 'envelope'; raw: string }
  /**
   * `raw` is the first token; `text` the canonical text of the rest of the
   * input (links carrying a token left out, as on a page), '' when the token
   * stood alone; `more` counts the tokens after the first.
   */
  | { kind: 'token'; raw: string; text: string; more: number }
  /** An explorer link to a transaction or an attestation, or a bare 0x and 64 hex digits. */
  | ChainReference
  /** A quote to look for in the proofs of the page: canonical text. */
  | { kind: 'text'; text: string }
  /** Recognised as `input`, but unusable: too long, a damaged share link, an off-chain attestation's page. */
  | { kind: 'problem'; input: PastedKind; reason: string };

export type ClassifyPasteParameters = {
  input: string;
  /** The configured explorers tell which chain a transaction link is on. */
  trust: TrustConfig;
};

export type ClassifyPasteReturnType = ClassifiedPaste;

const bareHash = /^0x[0-9a-fA-F]{64}$/;

/**
 * What was pasted into the popup, in this order: a share link; JSON (an
 * envelope, even a broken one, so its reason is shown); an EAS explorer
 * share link (`…/offchain/url/#attestation=…`), read as the `eas-offchain`
 * envelope it carries, which needs a text to compare; a text-form token
 * anywhere, in text or in a link; then, for a single word, a transaction
 * or attestation hash, an explorer address, or base64url that decodes to
 * a JSON object. Anything else is a quote. Never throws.
 */
export function classifyPaste({ input, trust }: ClassifyPasteParameters): ClassifyPasteReturnType {
  if (typeof input !== 'string') return { kind: 'empty' };
  if (input.length > maxPasteLength) {
    return { kind: 'problem', input: 'text', reason: `The pasted text is ${input.length} characters long; the limit is ${maxPasteLength}.` };
  }
  const trimmed = input.trim();
  if (trimmed === '') return { kind: 'empty' };

  const share = readShareLink(trimmed);
  if (share.ok) {
    const { shared } = share;
    if (isSharedImage(shared)) return { kind: 'problem', input: 'share-link', reason: 'This share link is for an image: open the link itself, and Verity checks the image in its inspector.' };
    return { kind: 'share-link', shared };
  }
  if (share.reason !== notShareLink) return { kind: 'problem', input: 'share-link', reason: `Cannot open this share link: ${share.reason}.` };

  if (trimmed.startsWith('{')) return { kind: 'envelope', raw: trimmed };

  const explorerLink = /\s/.test(trimmed) ? undefined : readEasExplorerLink(trimmed);
  if (explorerLink?.ok) return { kind: 'envelope', raw: JSON.stringify(explorerLink.envelope) };
  if (explorerLink) return { kind: 'problem', input: 'attestation', reason: `Cannot open this EAS explorer link: ${explorerLink.reason}.` };

  const token = firstToken(trimmed);
  if (token) return token;

  if (!/\s/.test(trimmed)) {
    const word = singleWord(trimmed, trust);
    if (word) return word;
  }
  const text = canonicalText(trimmed);
  return text === '' ? { kind: 'empty' } : { kind: 'text', text };
}

/** The first token of the input, in its text or in a link's fragment (percent-encoded there, possibly). */
function firstToken(input: string): ClassifiedPaste | undefined {
  if (!input.includes('ai-proof')) return undefined;
  let first: string | undefined;
  let count = 0;
  const kept: string[] = [];
  // Tokens never hold white space, so the input is read word by word.
  for (const word of input.split(/(\s+)/)) {
    const href = word.includes('#') ? hrefOf(word) : '';
    const linked = URL.canParse(href) ? tokenInHref(href) : undefined;
    // A link carrying a token is the token's own text (as on a page): the whole word goes.
    const { tokens, total } = linked ? { tokens: [linked], total: 1 } : scanTokens({ text: word, limit: 1 });
    if (!linked) kept.push(word);
    first ??= tokens[0]?.text;
    count += total;
  }
  if (first === undefined) return undefined;
  return { kind: 'token', raw: first, text: canonicalText(removeTokens(kept.join(''))), more: count - 1 };
}

/** A link as pasted from a page's source, `href="…"`, or as it stands. */
function hrefOf(word: string): string {
  const quoted = /^(?:href=)?["']?([^"'<>]*)/i.exec(word);
  return quoted?.[1] ?? word;
}

function singleWord(word: string, trust: TrustConfig): ClassifiedPaste | undefined {
  if (bareHash.test(word)) return { kind: 'hash', value: word.toLowerCase() as Hex };
  if (/^https?:\/\//i.test(word) && URL.canParse(word)) return explorerReference(new URL(word), trust);
  return base64urlObject(word) ? { kind: 'envelope', raw: word } : undefined;
}

/** An EAS explorer's attestation page, or any explorer's `…/tx/0x…` page. */
function explorerReference(url: URL, trust: TrustConfig): ClassifiedPaste | undefined {
  const attestation = easscanAttestation(url);
  if (attestation?.offchain) {
    return {
      kind: 'problem',
      input: 'attestation',
      reason: 'This is an off-chain attestation: it is not on any chain, so paste the envelope that carries it (or check the page that shows it).',
    };
  }
  if (attestation) return { kind: 'attestation', uid: attestation.uid, ...(attestation.chainId !== undefined && { chainId: attestation.chainId }) };

  const transaction = /^(.*)\/tx\/(0x[0-9a-fA-F]{64})\/?$/.exec(url.pathname);
  if (transaction === null) return undefined;
  const base = `${url.origin}${transaction[1]}`.toLowerCase();
  const chains = Object.entries(trust.chains).flatMap(([chainId, chain]) =>
    chain.explorer !== null && URL.canParse(chain.explorer) && explorerBase(new URL(chain.explorer)) === base ? [Number(chainId)] : [],
  );
  const hash = transaction[2]!.toLowerCase() as Hex;
  // Two chains sharing an explorer (a multi-chain one) leave the chain open: every chain is asked.
  return { kind: 'transaction', hash, ...(chains.length === 1 && { chainId: chains[0]! }) };
}

/** `https://host/path` of an explorer's base URL, lowercase, without a trailing slash. */
function explorerBase(url: URL): string {
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Whether a word is base64url of a JSON object: ordinary words are base64url too, but decode to nothing of the kind. */
function base64urlObject(word: string): boolean {
  try {
    const value: unknown = JSON.parse(utf8.decode(base64ToBytes(word)));
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
