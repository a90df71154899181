import { decodeEnvelope, envelopeFromReference, type DecodeResult } from '../envelope/decode';
import { maxEnvelopesPerScript, maxRawDisplayLength, maxShownTextScan, maxShownTextScanPerPage, maxSnippetsPerPage } from '../envelope/limits';
import { canonicalText, elementText } from '../text/canonical';
import { scanTokens, type TextToken } from '../text/tokens';
import { proofCarriers, type ProofCarrier } from './carriers';
import { readScriptEntries, scriptEntrySnippet } from './script-form';
import { snippetElementOfToken } from './snippet-element';

/** One proof found in a page, decoded but not verified. */
export type FoundSnippet = {
  /** Position among the finder's snippets, from 0, in document order of `source`. */
  index: number;
  form: 'attribute' | 'script' | 'text';
  /** The snippet: the content the proof is about. */
  element: Element;
  /** The element carrying the proof: attribute host, script, text token's parent, or token link. */
  source: Element;
  /** The proof as written (envelope, script entry as JSON, or token), clipped for display. */
  raw: string;
  decoded: DecodeResult;
  /** Canonical text of `element` (spec §5); token text is never part of it. */
  shownText: string;
  /** False when `element` held more text than the finder reads, so `shownText` is only its start. */
  shownTextComplete: boolean;
};

export type CreateProofFinderParameters = {
  /** Snippets the finder reports over its life; the rest are counted in `skipped`. */
  maxSnippets?: number;
};

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
 * A finder for one page. The snippet cap is checked before anything is
 * decoded, and the canonical texts of all its snippets share one reading
 * budget, so a hostile page costs bounded work however it is built.
 */
export function createProofFinder({ maxSnippets = maxSnippetsPerPage }: CreateProofFinderParameters = {}): CreateProofFinderReturnType {
  let found = 0;
  let skipped = 0;
  let textBudget = maxShownTextScanPerPage;
  const seen = { attribute: new WeakSet<Node>(), script: new WeakSet<Node>(), link: new WeakSet<Node>(), text: new WeakSet<Node>() };

  function scan(root: Node): FoundSnippet[] {
    const snippets: FoundSnippet[] = [];
    // Several tokens in one block share its text; read it once per scan.
    const shownTexts = new Map<Element, { text: string; complete: boolean }>();
    const shownTextOf = (element: Element): { text: string; complete: boolean } => {
      let shown = shownTexts.get(element);
      if (shown === undefined) {
        const read = elementText(element, { maxLength: Math.min(maxShownTextScan, textBudget) });
        textBudget -= read.text.length;
        shown = { text: canonicalText(read.text), complete: read.complete };
        shownTexts.set(element, shown);
      }
      return shown;
    };
    const add = (form: FoundSnippet['form'], element: Element, source: Element, raw: string, decoded: DecodeResult): void => {
      const shown = shownTextOf(element);
      snippets.push({ index: found, form, element, source, raw: clipForDisplay(raw), decoded, shownText: shown.text, shownTextComplete: shown.complete });
      found += 1;
    };
    const room = (): number => maxSnippets - found;

    for (const carrier of proofCarriers(root)) {
      const seenOfForm = seen[carrier.form];
      const key = carrierNode(carrier);
      if (seenOfForm.has(key)) continue;
      seenOfForm.add(key);

      switch (carrier.form) {
        case 'attribute':
          if (room() <= 0) skipped += 1;
          else add('attribute', carrier.host, carrier.host, carrier.value, decodeEnvelope(carrier.value));
          break;
        case 'script': {
          if (room() <= 0) {
            skipped += 1;
            break;
          }
          const { script } = carrier;
          const read = readScriptEntries(script);
          if (!read.ok) {
            add('script', script.parentElement ?? script, script, script.textContent ?? '', read);
            break;
          }
          const kept = read.entries.slice(0, Math.min(room(), maxEnvelopesPerScript));
          skipped += read.entries.length - kept.length;
          for (const entry of kept) {
            const { element, decoded } = scriptEntrySnippet(entry, script);
            add('script', element, script, displayJson(entry), decoded);
          }
          break;
        }
        case 'link':
          if (room() <= 0) skipped += 1;
          else {
            const { anchor, token } = carrier;
            add('text', snippetElementOfToken(anchor.parentElement ?? anchor), anchor, token.text, decodeToken(token));
          }
          break;
        case 'text': {
          const { tokens, total } = scanTokens({ text: carrier.node.data, limit: Math.max(0, room()) });
          const parent = carrier.node.parentElement;
          if (parent === null) {
            // A detached text node: no element to show a verdict on.
            skipped += total;
            break;
          }
          skipped += total - tokens.length;
          const element = tokens.length > 0 ? snippetElementOfToken(parent) : parent;
          for (const token of tokens) add('text', element, parent, token.text, decodeToken(token));
          break;
        }
      }
    }
    return snippets;
  }

  return {
    scan,
    get found() {
      return found;
    },
    get skipped() {
      return skipped;
    },
  };
}

export type FindProofsParameters = CreateProofFinderParameters;

export type FindProofsReturnType = { snippets: FoundSnippet[]; skipped: number };

/** Every proof in a document or element (spec §1), in document order of where each is carried. */
export function findProofs(root: Document | Element, options: FindProofsParameters = {}): FindProofsReturnType {
  const finder = createProofFinder(options);
  const snippets = finder.scan(root);
  return { snippets, skipped: finder.skipped };
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

function decodeToken(token: TextToken): DecodeResult {
  return token.kind === 'envelope' ? decodeEnvelope(token.body) : envelopeFromReference(token.reference, token.chainId, token.id);
}

function displayJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** At most maxRawDisplayLength code units, never splitting a surrogate pair. */
function clipForDisplay(raw: string): string {
  if (raw.length <= maxRawDisplayLength) return raw;
  let end = maxRawDisplayLength - 1;
  if ((raw.charCodeAt(end - 1) & 0xfc00) === 0xd800) end -= 1;
  return `${raw.slice(0, end)}…`;
}
