import { embeddingForms, type EmbeddingForm } from '../lib/publish/embed';
import type { UsageError } from './args';

/** How `verity embed --from eas|eas-onchain|erc7007` and `verity attest` write the proof (as `verity embed --from og` does). */
export type EmbedOutputOptions = {
  form: EmbeddingForm;
  output: 'html' | 'bare';
  markdown: boolean;
  attributeEncoding: 'base64url' | 'json';
  /** A file with the HTML the publisher renders from the Markdown, shown in the fragment. */
  renderedPath?: string;
  target?: string;
  id?: string;
  model?: string;
  /** Where to write the result; standard output when absent. */
  outPath?: string;
};

/** The parseArgs options of EmbedOutputOptions, shared by the commands that print an embedding. */
export const embedOutputOptions = {
  form: { type: 'string' },
  markdown: { type: 'boolean' },
  html: { type: 'boolean' },
  bare: { type: 'boolean' },
  encoding: { type: 'string' },
  rendered: { type: 'string' },
  target: { type: 'string' },
  id: { type: 'string' },
  model: { type: 'string' },
  out: { type: 'string' },
} as const;

type OutputValues = {
  form?: string;
  markdown?: boolean;
  html?: boolean;
  bare?: boolean;
  encoding?: string;
  rendered?: string;
  target?: string;
  id?: string;
  model?: string;
  out?: string;
};

/** The help lines of the output options; `referenceNeeds` says what the short reference form needs from this source. */
export const embedOutputHelp = (referenceNeeds: string) => `--form F           attribute (default), script, token, or ref (a short reference:
                   ${referenceNeeds})
--markdown         the text is Markdown: the envelope carries it, "format": "markdown"
--html             print an HTML fragment showing the text (default)
--bare             print only what carries the proof: the attribute value, the
                   script's JSON, the token or the reference
--encoding E       attribute value as base64url (default) or json
--rendered FILE    the HTML your site renders from the Markdown, shown in the fragment
--target SEL       script form: a CSS selector of an element the page already has
--id ID            script form: the id of the element the fragment adds
--out FILE         write the result to FILE (written whole or not at all)`;

/** The output options from parsed values; `makeError` builds the command's own usage error. */
export function readEmbedOutputOptions(values: OutputValues, makeError: (message: string) => UsageError): EmbedOutputOptions {
  if (values.html && values.bare) throw makeError('--html and --bare cannot be used together');
  const form = values.form === undefined ? 'attribute' : oneOf('--form', values.form, embeddingForms, makeError);
  if (values.encoding !== undefined && form !== 'attribute') throw makeError('--encoding is for the attribute form');
  if ((values.target !== undefined || values.id !== undefined) && form !== 'script') throw makeError('--target and --id are for the script form');
  if (values.rendered !== undefined && !values.markdown) throw makeError('--rendered is the HTML rendered from Markdown: give --markdown too');
  return {
    form,
    output: values.bare ? 'bare' : 'html',
    markdown: values.markdown ?? false,
    attributeEncoding: values.encoding === undefined ? 'base64url' : oneOf('--encoding', values.encoding, ['base64url', 'json'] as const, makeError),
    ...(values.rendered !== undefined && { renderedPath: values.rendered }),
    ...(values.target !== undefined && { target: values.target }),
    ...(values.id !== undefined && { id: values.id }),
    ...(values.model !== undefined && { model: values.model }),
    ...(values.out !== undefined && { outPath: values.out }),
  };
}

export function oneOf<const options extends readonly string[]>(flag: string, value: string, options: options, makeError: (message: string) => UsageError): options[number] {
  const match = options.find((option) => option === value);
  if (match === undefined) throw makeError(`${flag} "${value}": expected ${options.join(', ')}`);
  return match;
}

export function parseChainId(value: string, makeError: (message: string) => UsageError): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) throw makeError(`--chain "${value}": expected a chain id, such as 8453`);
  return Number(value);
}
