import type { Hex } from 'viem';

/** The ways a page carries a proof (spec §1). */
export const embeddingForms = ['attribute-json', 'attribute-base64url', 'script', 'text-token', 'short-ref', 'link'] as const;
export type EmbeddingForm = (typeof embeddingForms)[number];

/** Block elements a snippet can be: each also ends a text-form token's search upwards. */
export type SnippetTag = 'p' | 'div' | 'blockquote';

/** What the reader sees: plain text (escaped here), or markup written as is. */
export type ShownContent = string | { html: string };

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function shownHtml(shown: ShownContent): string {
  return typeof shown === 'string' ? escapeHtml(shown) : shown.html;
}

/** For a single-quoted attribute: JSON is full of double quotes, which stay readable this way. */
export function escapeSingleQuotedAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/'/g, '&#39;');
}

export function envelopeJson(envelope: unknown): string {
  return JSON.stringify(envelope);
}

/** base64url of the UTF-8 JSON, without padding (RFC 4648 §5). */
export function envelopeBase64url(envelope: unknown): string {
  return Buffer.from(envelopeJson(envelope), 'utf8').toString('base64url');
}

/** `ai-proof:v1:BODY` with the base64url envelope as BODY. */
export function envelopeToken(envelope: unknown): string {
  return `ai-proof:v1:${envelopeBase64url(envelope)}`;
}

/** `ai-proof:v1:og:CHAINID:TXHASH`, an og-settlement proof by reference. */
export function ogReference({ chainId, tx }: { chainId: number; tx: Hex }): string {
  return `ai-proof:v1:og:${chainId}:${tx}`;
}

/** `ai-proof:v1:eas:CHAINID:UID`, an eas-onchain proof by reference. */
export function easReference({ chainId, uid }: { chainId: number; uid: Hex }): string {
  return `ai-proof:v1:eas:${chainId}:${uid}`;
}

export type AttributeSnippetParameters = { value: string; shown: ShownContent; tag?: SnippetTag };

/** `<p data-ai-proof='VALUE'>shown</p>`: `value` is written verbatim (escaped only for HTML). */
export function attributeSnippet({ value, shown, tag = 'p' }: AttributeSnippetParameters): string {
  return `<${tag} class="snippet" data-ai-proof='${escapeSingleQuotedAttribute(value)}'>${shownHtml(shown)}</${tag}>`;
}

export type ScriptSnippetParameters = {
  /** The envelope without `target`; it is pointed at the snippet by id. */
  envelope: object;
  /** The snippet's element id. */
  id: string;
  shown: ShownContent;
  tag?: SnippetTag;
};

/** The snippet, then a proof script whose envelope targets it by `#id`. */
export function scriptSnippet({ envelope, id, shown, tag = 'p' }: ScriptSnippetParameters): string {
  // `<` escaped as \u003c keeps the JSON valid and the script element unbreakable.
  const json = JSON.stringify({ ...envelope, target: `#${id}` }).replace(/</g, '\\u003c');
  return `<${tag} class="snippet" id="${escapeHtml(id)}">${shownHtml(shown)}</${tag}>\n<script type="application/ai-proof+json">${json}</script>`;
}

export type TokenSnippetParameters = { token: string; shown: ShownContent; tag?: SnippetTag };

/** A post with its token at the end; the span only styles it (the block is the snippet). */
export function tokenSnippet({ token, shown, tag = 'p' }: TokenSnippetParameters): string {
  return `<${tag} class="snippet post">${shownHtml(shown)} <span class="ai-proof-token">${escapeHtml(token)}</span></${tag}>`;
}

/**
 * A post with the token in a link after `#`. The link is marked
 * data-ai-proof-ignore so its label is not signed text under any reading
 * of the spec (a token link's label is skipped anyway).
 */
export function linkSnippet({ token, shown, tag = 'p' }: TokenSnippetParameters): string {
  return `<${tag} class="snippet post">${shownHtml(shown)} <a class="ai-proof-link" href="#${escapeHtml(token)}" data-ai-proof-ignore>AI proof</a></${tag}>`;
}

export type EmbedEnvelopeParameters = {
  form: Exclude<EmbeddingForm, 'short-ref'>;
  envelope: object;
  shown: ShownContent;
  /** Element id, used by the script form. */
  id: string;
  tag?: SnippetTag;
};

/** One snippet carrying `envelope` in the given form. */
export function embedEnvelope({ form, envelope, shown, id, tag }: EmbedEnvelopeParameters): string {
  switch (form) {
    case 'attribute-json':
      return attributeSnippet({ value: envelopeJson(envelope), shown, tag });
    case 'attribute-base64url':
      return attributeSnippet({ value: envelopeBase64url(envelope), shown, tag });
    case 'script':
      return scriptSnippet({ envelope, id, shown, tag });
    case 'text-token':
      return tokenSnippet({ token: envelopeToken(envelope), shown, tag });
    case 'link':
      return linkSnippet({ token: envelopeToken(envelope), shown, tag });
  }
}
