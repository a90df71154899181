import {
  maxEnvelopeBytes,
  maxEnvelopesPerScript,
  maxRawDisplayLength,
  maxShownTextScan,
  maxShownTextScanPerPage,
  maxSnippetsPerPage,
} from '../envelope/limits';
import { sizeReason } from '../envelope/size';
import { canonicalText, elementText } from '../text/canonical';
import { isTextNode } from '../text/dom';
import { scanTokens, type TextToken } from '../text/tokens';
import { proofAttribute, proofCarriers, walkPause, type ProofCarrier, type WalkPause } from './carriers';
import { locateScriptEntry, readScriptEntries } from './script-form';
import { snippetElementOfToken } from './snippet-element';

/**
 * Finding proofs without reading them (spec §1). Nothing here decodes or
 * validates an envelope, so the content script can use it without the
 * schema; `decodeLocatedProof` does the rest, in the worker or the CLI.
 */

/** Why a proof found in the page cannot be read as it stands. */
export type LocateProblem =
  /**
   * The proof was not read: too large, or its script is not JSON. `raw` is
   * only a preview, and the snippet is malformed for this reason.
   */
  | { kind: 'unreadable'; reason: string }
  /**
   * A script entry whose target names no element (it sits on the script's
   * parent instead): malformed for this reason, unless the envelope itself
   * is faulty, whose reason comes first.
   */
  | { kind: 'unplaced'; reason: string };

/** One proof found in a page, not yet decoded. */
export type LocatedProof = {
  /** Position among the locator's proofs, from 0, in the order found. */
  index: number;
  form: 'attribute' | 'script' | 'text';
  /** The snippet: the content the proof is about. */
  element: Element;
  /** The element carrying the proof: attribute host, script, text token's parent, or token link. */
  source: Element;
  /** The node the proof was found on (attribute host, script, link or text node); see `release`. */
  carrier: Node;
  /**
   * The proof as written, whole: the attribute value, a script entry as
   * JSON, or the token. A preview only when `problem` is `unreadable`.
   */
  raw: string;
  problem?: LocateProblem;
  /** Canonical text of `element` (spec §5); token text is never part of it. */
  shownText: string;
  /** False when `element` held more text than is read, so `shownText` is only its start. */
  shownTextComplete: boolean;
};

export type ShownText = { text: string; complete: boolean };

export type CreateProofLocatorParameters = {
  /** Proofs the locator holds at once; the rest are counted in `skipped`. */
  maxSnippets?: number;
};

export type ScanParameters = {
  /** Yield `walkPause` every this many nodes walked, so the caller can stop and resume later. */
  pauseEvery?: number;
};

export type ProofLocator = {
  /**
   * The proofs in `root`'s subtree (the node included) not reported
   * before, in document order of their carriers. For a MutationObserver:
   * pass each added node; a carrier seen once (an element's attribute, a
   * script, a link, a text node) is not reported again. The caller may stop
   * at any yield and resume later, even after the page has changed.
   */
  scan(root: Node, parameters?: ScanParameters): Generator<LocatedProof | WalkPause, void, undefined>;
  /**
   * The proofs on `carrier` itself as it is now (not its descendants'),
   * reported again even if seen: for a carrier that changed (an attribute
   * set or removed, a script or a token rewritten). The caller releases
   * the proofs it reported before; its skipped count is taken back.
   */
  reread(carrier: Node): LocatedProof[];
  /** Canonical text of an element, from the page's shared reading budget: for a snippet whose text changed. */
  readShownText(element: Element): ShownText;
  /**
   * The proof left the page: its place under the cap is free again, and
   * once its carrier is out of the document, the carrier is reported anew
   * if it comes back.
   */
  release(proof: LocatedProof): void;
  /** Proofs reported and not released. */
  readonly found: number;
  /** Whether the cap is reached: until a proof is released, a scan reports nothing more (it counts what it skips). */
  readonly full: boolean;
  /** Proofs left unexamined because the cap was reached; a script beyond the cap counts as one. */
  readonly skipped: number;
};

export type CreateProofLocatorReturnType = ProofLocator;

/**
 * A locator for one page. The snippet cap is checked before anything is
 * read, and the canonical texts of all its snippets share one reading
 * budget, so a hostile page costs bounded work however it is built.
 */
export function createProofLocator({ maxSnippets = maxSnippetsPerPage }: CreateProofLocatorParameters = {}): CreateProofLocatorReturnType {
  let reported = 0;
  let released = 0;
  let skipped = 0;
  let textBudget = maxShownTextScanPerPage;
  const seen = { attribute: new WeakSet<Node>(), script: new WeakSet<Node>(), link: new WeakSet<Node>(), text: new WeakSet<Node>() };
  // A carrier of one proof (an attribute, a link, a script past the cap) looked at and not read was skipped once: known
  // from `seen` and the few read, with no entry for each of a hostile page's 100,000 (a WeakMap that large took 200 ms
  // to grow in one task, traced). What a script's or a text's further proofs added is kept per carrier.
  const readCarriers = { attribute: new WeakSet<Node>(), script: new WeakSet<Node>(), link: new WeakSet<Node>() };
  const singleForms = ['attribute', 'script', 'link'] as const;
  const skippedOn = new WeakMap<Node, number>();
  /** Places left under the cap. */
  const room = (): number => maxSnippets - (reported - released);
  const skip = (carrier: Node, count: number): void => {
    if (count === 0) return;
    skipped += count;
    skippedOn.set(carrier, (skippedOn.get(carrier) ?? 0) + count);
  };

  function readShownText(element: Element): ShownText {
    const read = elementText(element, { maxLength: Math.min(maxShownTextScan, textBudget) });
    textBudget -= read.text.length;
    return { text: canonicalText(read.text), complete: read.complete };
  }

  function* scan(root: Node, { pauseEvery, subtree }: ScanParameters & { subtree?: boolean } = {}): Generator<LocatedProof | WalkPause, void, undefined> {
    // Several tokens in one block share its text; read it once per scan.
    const shownTexts = new Map<Element, ShownText>();
    const shownTextOf = (element: Element): ShownText => {
      let shown = shownTexts.get(element);
      if (shown === undefined) {
        shown = readShownText(element);
        shownTexts.set(element, shown);
      }
      return shown;
    };
    const located = (
      form: LocatedProof['form'],
      element: Element,
      source: Element,
      carrier: Node,
      raw: string,
      problem?: LocateProblem,
    ): LocatedProof => {
      const shown = shownTextOf(element);
      const proof: LocatedProof = { index: reported, form, element, source, carrier, raw, shownText: shown.text, shownTextComplete: shown.complete };
      if (problem !== undefined) proof.problem = problem;
      reported += 1;
      return proof;
    };

    for (const carrier of proofCarriers(root, { pauseEvery, subtree })) {
      if (carrier.form === 'pause') {
        yield walkPause;
        continue;
      }
      const key = carrierNode(carrier);
      const seenOfForm = seen[carrier.form];
      if (seenOfForm.has(key)) continue;
      seenOfForm.add(key);

      switch (carrier.form) {
        case 'attribute': {
          if (room() <= 0) {
            skipped += 1;
            break;
          }
          readCarriers.attribute.add(key);
          const { host } = carrier;
          const value = host.getAttribute(proofAttribute) ?? '';
          const tooLarge = oversizedEnvelope(value);
          yield tooLarge === undefined ? located('attribute', host, host, host, value) : located('attribute', host, host, host, clipForDisplay(value), tooLarge);
          break;
        }
        case 'script': {
          if (room() <= 0) {
            skipped += 1;
            break;
          }
          readCarriers.script.add(key);
          const { script } = carrier;
          const read = readScriptEntries(script);
          if (!read.ok) {
            yield located('script', script.parentElement ?? script, script, script, clipForDisplay(script.textContent ?? ''), { kind: 'unreadable', reason: read.reason });
            break;
          }
          const kept = read.entries.slice(0, Math.min(room(), maxEnvelopesPerScript));
          skip(key, read.entries.length - kept.length);
          for (const entry of kept) {
            const { element, unplaced } = locateScriptEntry(entry, script);
            yield located('script', element, script, script, JSON.stringify(entry), unplaced === undefined ? undefined : { kind: 'unplaced', reason: unplaced });
          }
          break;
        }
        case 'link': {
          if (room() <= 0) {
            skipped += 1;
            break;
          }
          readCarriers.link.add(key);
          const { anchor, token } = carrier;
          yield locatedToken(located, snippetElementOfToken(anchor.parentElement ?? anchor), anchor, anchor, token);
          break;
        }
        case 'text': {
          const { tokens, total } = scanTokens({ text: carrier.node.data, limit: Math.max(0, room()) });
          const parent = carrier.node.parentElement;
          if (parent === null) {
            // A detached text node: no element to show a verdict on.
            skip(key, total);
            break;
          }
          skip(key, total - tokens.length);
          const element = tokens.length > 0 ? snippetElementOfToken(parent) : parent;
          for (const token of tokens) yield locatedToken(located, element, parent, carrier.node, token);
          break;
        }
      }
    }
  }

  function reread(carrier: Node): LocatedProof[] {
    for (const form of singleForms) if (seen[form].has(carrier) && !readCarriers[form].has(carrier)) skipped -= 1;
    for (const seenOfForm of Object.values(seen)) seenOfForm.delete(carrier);
    for (const readOfForm of Object.values(readCarriers)) readOfForm.delete(carrier);
    skipped -= skippedOn.get(carrier) ?? 0;
    skippedOn.delete(carrier);
    const proofs: LocatedProof[] = [];
    for (const step of scan(carrier, { subtree: false })) if (step.form !== 'pause') proofs.push(step);
    return proofs;
  }

  function release(proof: LocatedProof): void {
    released += 1;
    const { carrier } = proof;
    if (carrier.isConnected) return;
    const form = proof.form === 'text' ? (isTextNode(carrier) ? 'text' : 'link') : proof.form;
    seen[form].delete(carrier);
    if (form !== 'text') readCarriers[form].delete(carrier);
  }

  return {
    scan,
    reread,
    readShownText,
    release,
    get found() {
      return reported - released;
    },
    get full() {
      return room() <= 0;
    },
    get skipped() {
      return skipped;
    },
  };
}

function locatedToken(
  located: (form: 'text', element: Element, source: Element, carrier: Node, raw: string, problem?: LocateProblem) => LocatedProof,
  element: Element,
  source: Element,
  carrier: Node,
  token: TextToken,
): LocatedProof {
  const tooLarge = token.kind === 'envelope' ? oversizedEnvelope(token.body) : undefined;
  return tooLarge === undefined ? located('text', element, source, carrier, token.text) : located('text', element, source, carrier, clipForDisplay(token.text), tooLarge);
}

function carrierNode(carrier: ProofCarrier): Node {
  switch (carrier.form) {
    case 'attribute':
      return carrier.host;
    case 'script':
      return carrier.script;
    case 'link':
      return carrier.anchor;
    case 'text':
      return carrier.node;
  }
}

/**
 * An envelope longer than the limit in UTF-16 code units, rejected unread
 * with the reason the decoder gives: a 5 MB attribute is never copied into
 * a message. One within the limit goes on whole; the decoder counts its
 * UTF-8 bytes.
 */
function oversizedEnvelope(raw: string): LocateProblem | undefined {
  if (raw.length <= maxEnvelopeBytes) return undefined;
  return { kind: 'unreadable', reason: sizeReason({ text: raw, limit: maxEnvelopeBytes, name: 'envelope' })! };
}

/** At most maxRawDisplayLength code units, never splitting a surrogate pair. */
function clipForDisplay(raw: string): string {
  if (raw.length <= maxRawDisplayLength) return raw;
  let end = maxRawDisplayLength - 1;
  if ((raw.charCodeAt(end - 1) & 0xfc00) === 0xd800) end -= 1;
  return `${raw.slice(0, end)}…`;
}
