import { keccak256, stringToHex } from 'viem';
import { tokenPrefix } from '../text/tokens';
import { envelopeBase64url, envelopeJson, type PublishEnvelope } from './envelope';
import { escapeHtml, jsonForScript, plainTextToHtml } from './html';
import { EmbeddingFormError, InvalidFieldError } from './publish-errors';

/**
 * The ways a page carries a proof (spec §1): an attribute on the element
 * that shows the text, a script that points at it, a token in the text,
 * or a short reference to a proof on chain.
 */
export const embeddingForms = ['attribute', 'script', 'token', 'ref'] as const;
export type EmbeddingForm = (typeof embeddingForms)[number];

/** What the reader sees beside the proof: plain text (escaped here) or the HTML the publisher renders. */
export type ShownContent = { text: string } | { html: string };

export type EmbedProofParameters = {
  /** A checked envelope (see the sources, e.g. ogTeeEnvelope). */
  envelope: PublishEnvelope;
  form: EmbeddingForm;
  /**
   * `html`: a fragment to paste into the page, with the shown content;
   * `bare`: only what carries the proof (the attribute value, the script's
   * JSON, the token or the reference), for templates and plain-text posts.
   */
  output: 'html' | 'bare';
  /**
   * The content the fragment shows. Without it, plain text shows the
   * envelope's signed text; Markdown gets a placeholder comment where the
   * publisher puts the HTML their site renders from it.
   */
  shown?: ShownContent;
  /** Attribute form: base64url (default: nothing in it needs escaping) or JSON. */
  attributeEncoding?: 'base64url' | 'json';
  /**
   * Script form: a CSS selector of an element the page already has. The
   * fragment is then the script alone. Without it, the fragment holds a
   * new element with `id` and the script targets `#id`.
   */
  target?: string;
  /** Script form: the new element's id; by default `ai-proof-` and 12 hex digits of the envelope's hash. */
  id?: string;
};

export type EmbedProofReturnType = string;

/** The proof in the form asked for, as an HTML fragment or bare. Throws EmbeddingFormError when the proof cannot take that form. */
export function embedProof({ envelope, form, output, shown, attributeEncoding = 'base64url', target, id }: EmbedProofParameters): EmbedProofReturnType {
  switch (form) {
    case 'attribute': {
      const value = attributeEncoding === 'json' ? envelopeJson(envelope) : envelopeBase64url(envelope);
      if (output === 'bare') return value;
      return `<div data-ai-proof="${escapeHtml(value)}">\n${shownHtml(envelope, shown)}\n</div>`;
    }
    case 'script': {
      const elementId = id ?? defaultElementId(envelope);
      if (target === undefined && !/^[A-Za-z][A-Za-z0-9_-]*$/.test(elementId)) {
        throw new InvalidFieldError(`id "${elementId}" must start with a letter and hold only letters, digits, - and _`, { field: 'id' });
      }
      const selector = target ?? `#${elementId}`;
      if (selector.trim() === '') throw new InvalidFieldError('target must be a CSS selector, not empty', { field: 'target' });
      const json = jsonForScript({ ...envelope, target: selector });
      if (output === 'bare') return json;
      const script = `<script type="application/ai-proof+json">${json}</script>`;
      if (target !== undefined) return script;
      return `<div id="${elementId}">\n${shownHtml(envelope, shown)}\n</div>\n${script}`;
    }
    case 'token': {
      const token = envelopeToken(envelope);
      if (output === 'bare') return token;
      return `<div>\n${shownHtml(envelope, shown)}\n<span class="ai-proof-token" style="overflow-wrap: anywhere">${token}</span>\n</div>`;
    }
    case 'ref': {
      const reference = shortReference(envelope);
      if (output === 'bare') return reference;
      return `<div>\n${shownHtml(envelope, shown)}\n<span class="ai-proof-token" style="overflow-wrap: anywhere">${reference}</span>\n</div>`;
    }
  }
}

/** `ai-proof:v1:BODY`, BODY the base64url envelope (spec §1.3). */
export function envelopeToken(envelope: PublishEnvelope): string {
  return `${tokenPrefix}${envelopeBase64url(envelope)}`;
}

/**
 * `ai-proof:v1:og:CHAINID:TXHASH` for an inference settled on its own, or
 * `ai-proof:v1:eas:CHAINID:UID` for an on-chain attestation (spec §1.3).
 * A reference carries no text, model or format: a reader checks the page's
 * text, so a proof whose signed text differs from what is shown (line
 * breaks, Markdown) cannot be one.
 */
export function shortReference(envelope: PublishEnvelope): string {
  const { proof } = envelope;
  if (envelope.text !== undefined) {
    throw new EmbeddingFormError(
      'A short reference carries no text, and this signed text is not what a reader sees (it has line breaks, Markdown or spacing the page does not keep): use the attribute, script or token form',
      { field: 'form' },
    );
  }
  if (proof.type === 'og-settlement') return `${tokenPrefix}og:${String(proof.chainId)}:${String(proof.tx)}`;
  if (proof.type === 'og-tee') {
    const settlement = proof.settlement as { tx: string; root?: string } | undefined;
    if (settlement === undefined || settlement.root !== undefined) {
      throw new EmbeddingFormError('A short reference names a settlement transaction: give an individual settlement (a batch settlement holds no per-inference record)', {
        field: 'settlement',
      });
    }
    return `${tokenPrefix}og:${String(proof.chainId)}:${settlement.tx}`;
  }
  if (proof.type === 'eas-onchain') return `${tokenPrefix}eas:${String(proof.chainId)}:${String(proof.uid)}`;
  throw new EmbeddingFormError(`A ${proof.type} proof has no short reference: use the attribute, script or token form`, { field: 'form' });
}

function shownHtml(envelope: PublishEnvelope, shown: ShownContent | undefined): string {
  if (shown !== undefined) return 'html' in shown ? shown.html : plainTextToHtml(shown.text);
  if (envelope.format === 'markdown') return '<!-- ai-proof: put the HTML your site renders from this Markdown here -->';
  return envelope.text === undefined ? '' : plainTextToHtml(envelope.text);
}

function defaultElementId(envelope: PublishEnvelope): string {
  return `ai-proof-${keccak256(stringToHex(envelopeJson(envelope))).slice(2, 14)}`;
}
