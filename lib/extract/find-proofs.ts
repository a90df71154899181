import type { DecodeResult } from '../envelope/decode';
import { decodeLocatedProof } from './decode-located';
import { createProofLocator, type CreateProofLocatorParameters, type LocatedProof } from './locate-proofs';
import { openShadowRootsBelow } from './open-shadow-roots';

/**
 * One proof found in a page, decoded but not verified: what the locator
 * found, with the envelope decoded. For one too large to read, `raw` is
 * only its start and `decoded` says why.
 */
export type FoundSnippet = Omit<LocatedProof, 'carrier' | 'problem'> & { decoded: DecodeResult };

export type CreateProofFinderParameters = CreateProofLocatorParameters;

export type ProofFinder = {
  /**
   * The proofs in `node`'s subtree (the node included) not reported before,
   * in document order. For a MutationObserver: pass each added node; a
   * carrier seen once (an element's attribute, a script, a link, a text
   * node) is not reported again.
   */
  scan(node: Node): FoundSnippet[];
  /** Snippets reported so far. */
  readonly found: number;
  /** Proofs left unexamined because the cap was reached; a script beyond the cap counts as one. */
  readonly skipped: number;
};

export type CreateProofFinderReturnType = ProofFinder;

/**
 * A finder for one page: the locator, whose cap comes before anything is
 * read, and the decoder for each proof it reports.
 */
export function createProofFinder(parameters: CreateProofFinderParameters = {}): CreateProofFinderReturnType {
  const locator = createProofLocator(parameters);
  return {
    scan(root) {
      const snippets: FoundSnippet[] = [];
      for (const item of locator.scan(root)) if (item.form !== 'pause') snippets.push(foundSnippet(item));
      return snippets;
    },
    get found() {
      return locator.found;
    },
    get skipped() {
      return locator.skipped;
    },
  };
}

export type FindProofsParameters = CreateProofFinderParameters;

export type FindProofsReturnType = { snippets: FoundSnippet[]; skipped: number };

/**
 * Every proof in a document or element (spec §1), and in the open shadow
 * roots below it: the document's in document order of where each is
 * carried, then each root's, roots in the order of their hosts, each
 * followed by the roots below it.
 */
export function findProofs(root: Document | Element, options: FindProofsParameters = {}): FindProofsReturnType {
  const finder = createProofFinder(options);
  const snippets: FoundSnippet[] = [];
  for (const scope of [root, ...openShadowRootsBelow(root)]) for (const snippet of finder.scan(scope)) snippets.push(snippet);
  return { snippets, skipped: finder.skipped };
}

function foundSnippet({ index, form, element, source, raw, problem, shownText, shownTextComplete }: LocatedProof): FoundSnippet {
  return { index, form, element, source, raw, decoded: decodeLocatedProof({ form, raw, problem }), shownText, shownTextComplete };
}
