import { BaseError } from '../../lib/errors';
import { embedEnvelope, envelopeBase64url, envelopeJson, escapeHtml, escapeSingleQuotedAttribute, type EmbeddingForm, type ShownContent } from '../producers/embed';

export class ArticleFormError extends BaseError {
  override name = 'ArticleFormError';
}

/** Where the article's tests find a snippet: on the snippet itself, or on the block that wraps a text or script form. */
export const articleSnippetAttribute = 'data-article-snippet';

export type ArticleElementParameters = {
  id: string;
  /** The envelope; or, for an attribute form, the attribute's value as a page wrote it (a proof cut short). */
  envelope: object | string;
  shown: ShownContent;
  /**
   * An attribute form on an element of any kind (a heading, a link, a
   * button), with its own attributes; or a form the demo producers write,
   * in a block that carries the id.
   */
  form: Exclude<EmbeddingForm, 'short-ref'>;
  tag?: string;
  attributes?: Record<string, string>;
};

/** One article snippet carrying `envelope`, marked with its id for the tests (an attribute no verifier reads). */
export function articleElement({ id, envelope, shown, form, tag = 'p', attributes = {} }: ArticleElementParameters): string {
  const marked = { ...attributes, [articleSnippetAttribute]: id };
  const attributeText = Object.entries(marked)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  if (form === 'attribute-json' || form === 'attribute-base64url') {
    const value = typeof envelope === 'string' ? envelope : form === 'attribute-json' ? envelopeJson(envelope) : envelopeBase64url(envelope);
    const content = typeof shown === 'string' ? escapeHtml(shown) : shown.html;
    return `<${tag}${attributeText} data-ai-proof='${escapeSingleQuotedAttribute(value)}'>${content}</${tag}>`;
  }
  if (typeof envelope === 'string') throw new ArticleFormError(`The article snippet "${id}" gives its proof as written, which only an attribute form can carry`);
  return `<div${attributeText}>${embedEnvelope({ form, envelope, shown, id })}</div>`;
}
