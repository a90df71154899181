import { parseArgs } from 'node:util';
import { embeddingForms, type EmbeddingForm } from '../lib/publish/embed';
import { parseRpcOverride as parseVerifyRpcOverride, UsageError } from './args';

/** Where the proof comes from. EAS and ERC-7007 sources are to come. */
export const embedSources = ['og'] as const;
export type EmbedSource = (typeof embedSources)[number];

export type EmbedCommand = {
  command: 'embed';
  from: EmbedSource;
  /** The saved response: a file, an http(s) URL, or - for standard input. */
  source: string;
  form: EmbeddingForm;
  output: 'html' | 'bare';
  markdown: boolean;
  attributeEncoding: 'base64url' | 'json';
  chainId?: number;
  registry?: string;
  configPath?: string;
  rpcOverrides: { chainId: string; url: string }[];
  /** A file with the TEE's public key (PEM or DER hex). */
  teeKeyPath?: string;
  settlement?: { tx: string; relay?: string; root?: string; proof?: string[] };
  /** A file with the signed output, for a response that does not hold it. */
  contentPath?: string;
  /** A file with the HTML the publisher renders from the Markdown, shown in the fragment. */
  renderedPath?: string;
  target?: string;
  id?: string;
  model?: string;
  /** Where to write the result; standard output when absent. */
  outPath?: string;
};

/** A usage error of `verity embed`: printed with embed's usage line, exit 2. */
export class EmbedUsageError extends UsageError {
  override name = 'EmbedUsageError';
}

export const embedUsage =
  'Usage: verity embed --from og RESPONSE [--form attribute|script|token|ref] [--markdown] [--html|--bare] [--chain ID] [--registry ADDR] [--tee-key FILE] [--settlement-tx HASH [--relay ADDR] [--batch-root R --batch-proof P...]] [--out FILE]';

export const embedHelpText = `Makes an embedded AI proof from what an AI tool returned, after checking it.

--from og          RESPONSE is an OpenGradient TEE response as the gateway or an SDK
                   returns it (JSON, a stream's events, or the event-stream text);
                   a file, an http(s) URL, or - for standard input
--form F           attribute (default), script, token, or ref (a short reference:
                   needs an individual settlement and text the page shows as is)
--markdown         the output is Markdown: the envelope carries it, "format": "markdown"
--html             print an HTML fragment showing the text (default)
--bare             print only what carries the proof: the attribute value, the
                   script's JSON, the token or the reference
--encoding E       attribute value as base64url (default) or json
--rendered FILE    the HTML your site renders from the Markdown, shown in the fragment
--target SEL       script form: a CSS selector of an element the page already has
--id ID            script form: the id of the element the fragment adds
--chain ID         the chain of the TEE registry (default: the one OpenGradient chain
                   of the --config file, else of the built-in defaults)
--registry ADDR    the TEERegistry (default: the configuration's for --chain)
--config FILE      a trust configuration (JSON) merged over the built-in defaults
--rpc ID=URL       use URL as the RPC of chain ID (repeatable)
--tee-key FILE     the TEE's public key (PEM or DER hex); else it is read from the
                   registry through the chain's RPC
--settlement-tx H  the transaction that settled the inference
--relay ADDR       the settlement relay (default: the configuration's, if one)
--batch-root R     for a batch settlement: its Merkle root
--batch-proof P    for a batch settlement: one hash of this inference's proof (repeat)
--content FILE     the signed output, when RESPONSE does not hold it
--model NAME       the model name shown to readers (default: the response's)
--out FILE         write the result to FILE (written whole or not at all)

The output must hash to tee_output_hash and the signature must verify with
the TEE's key; otherwise nothing is written.
Exit status: 0 when the proof was made, 1 when the response or an input file
is wrong (the message names the field), 2 for a usage or configuration error.

From an EAS attestation or an ERC-7007 token:
  verity embed --from eas|eas-onchain|erc7007 --help
Without an AI provider's signature, attest a text with your own key:
  verity attest --help`;

/** Reads `verity embed …` arguments. Throws EmbedUsageError naming what is wrong. */
export function parseEmbedArgs(argv: readonly string[]): EmbedCommand | { command: 'help'; topic: 'embed' } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        from: { type: 'string' },
        form: { type: 'string' },
        markdown: { type: 'boolean' },
        html: { type: 'boolean' },
        bare: { type: 'boolean' },
        encoding: { type: 'string' },
        rendered: { type: 'string' },
        target: { type: 'string' },
        id: { type: 'string' },
        chain: { type: 'string' },
        registry: { type: 'string' },
        config: { type: 'string' },
        rpc: { type: 'string', multiple: true },
        'tee-key': { type: 'string' },
        'settlement-tx': { type: 'string' },
        relay: { type: 'string' },
        'batch-root': { type: 'string' },
        'batch-proof': { type: 'string', multiple: true },
        content: { type: 'string' },
        model: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new EmbedUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', topic: 'embed' };

  const [source, ...extra] = positionals;
  if (values.from === undefined) throw new EmbedUsageError('Missing --from: where the proof comes from (og)');
  const from = oneOf('--from', values.from, embedSources);
  if (source === undefined) throw new EmbedUsageError('Missing RESPONSE: a file, an http(s) URL, or - for standard input');
  if (extra.length > 0) throw new EmbedUsageError(`Unexpected argument "${extra[0]}": give one RESPONSE`);
  const fromStdin = [source, values['tee-key'], values.content, values.rendered].filter((path) => path === '-');
  if (fromStdin.length > 1) throw new EmbedUsageError('Only one input can come from standard input (-)');
  if (values.html && values.bare) throw new EmbedUsageError('--html and --bare cannot be used together');
  const form = values.form === undefined ? 'attribute' : oneOf('--form', values.form, embeddingForms);
  if (values.encoding !== undefined && form !== 'attribute') throw new EmbedUsageError('--encoding is for the attribute form');
  if ((values.target !== undefined || values.id !== undefined) && form !== 'script') throw new EmbedUsageError('--target and --id are for the script form');
  if (values.rendered !== undefined && !values.markdown) throw new EmbedUsageError('--rendered is the HTML rendered from Markdown: give --markdown too');

  return {
    command: 'embed',
    from,
    source,
    form,
    output: values.bare ? 'bare' : 'html',
    markdown: values.markdown ?? false,
    attributeEncoding: values.encoding === undefined ? 'base64url' : oneOf('--encoding', values.encoding, ['base64url', 'json'] as const),
    ...(values.chain !== undefined && { chainId: parseChainId(values.chain) }),
    ...(values.registry !== undefined && { registry: values.registry }),
    ...(values.config !== undefined && { configPath: values.config }),
    rpcOverrides: (values.rpc ?? []).map(parseRpcOverride),
    ...(values['tee-key'] !== undefined && { teeKeyPath: values['tee-key'] }),
    ...settlementOf(values),
    ...(values.content !== undefined && { contentPath: values.content }),
    ...(values.rendered !== undefined && { renderedPath: values.rendered }),
    ...(values.target !== undefined && { target: values.target }),
    ...(values.id !== undefined && { id: values.id }),
    ...(values.model !== undefined && { model: values.model }),
    ...(values.out !== undefined && { outPath: values.out }),
  };
}

type SettlementValues = { 'settlement-tx'?: string; relay?: string; 'batch-root'?: string; 'batch-proof'?: string[] };

function settlementOf(values: SettlementValues): Pick<EmbedCommand, 'settlement'> {
  const { 'settlement-tx': tx, relay, 'batch-root': root, 'batch-proof': proof } = values;
  if (tx === undefined) {
    if (relay !== undefined || root !== undefined || proof !== undefined) throw new EmbedUsageError('--relay, --batch-root and --batch-proof describe a settlement: give --settlement-tx too');
    return {};
  }
  if ((root === undefined) !== (proof === undefined)) throw new EmbedUsageError('A batch settlement needs both --batch-root and --batch-proof (one per hash, leaf upwards)');
  return { settlement: { tx, ...(relay !== undefined && { relay }), ...(root !== undefined && { root, proof: proof! }) } };
}

function oneOf<const options extends readonly string[]>(flag: string, value: string, options: options): options[number] {
  const match = options.find((option) => option === value);
  if (match === undefined) throw new EmbedUsageError(`${flag} "${value}": expected ${options.join(', ')}`);
  return match;
}

function parseChainId(value: string): number {
  if (!/^[1-9][0-9]{0,15}$/.test(value) || !Number.isSafeInteger(Number(value))) throw new EmbedUsageError(`--chain "${value}": expected a chain id, such as 10740`);
  return Number(value);
}

/** verify's --rpc rule, with embed's usage line. */
function parseRpcOverride(value: string): { chainId: string; url: string } {
  try {
    return parseVerifyRpcOverride(value);
  } catch (error) {
    throw new EmbedUsageError(error instanceof Error ? error.message : String(error));
  }
}
