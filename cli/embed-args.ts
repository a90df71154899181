import { parseArgs } from 'node:util';
import { parseRpcOverride, UsageError } from './args';
import { embedOutputHelp, embedOutputOptions, oneOf, parseChainId, readEmbedOutputOptions, type EmbedOutputOptions } from './embed-output-args';

/** Where the proof comes from, for this parser (EAS and ERC-7007: cli/embed-sources-args.ts). */
export const embedSources = ['og'] as const;
export type EmbedSource = (typeof embedSources)[number];

export type EmbedCommand = EmbedOutputOptions & {
  command: 'embed';
  from: EmbedSource;
  /** The saved response: a file, an http(s) URL, or - for standard input. */
  source: string;
  chainId?: number;
  registry?: string;
  configPath?: string;
  rpcOverrides: { chainId: string; url: string }[];
  /** A file with the TEE's public key (PEM or DER hex). */
  teeKeyPath?: string;
  settlement?: { tx: string; relay?: string; root?: string; proof?: string[] };
  /** A file with the signed output, for a response that does not hold it. */
  contentPath?: string;
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
${embedOutputHelp('needs an individual settlement and text the page shows as is')}
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
        ...embedOutputOptions,
        from: { type: 'string' },
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
  const from = oneOf('--from', values.from, embedSources, usageError);
  if (source === undefined) throw new EmbedUsageError('Missing RESPONSE: a file, an http(s) URL, or - for standard input');
  if (extra.length > 0) throw new EmbedUsageError(`Unexpected argument "${extra[0]}": give one RESPONSE`);
  const fromStdin = [source, values['tee-key'], values.content, values.rendered].filter((path) => path === '-');
  if (fromStdin.length > 1) throw new EmbedUsageError('Only one input can come from standard input (-)');

  return {
    command: 'embed',
    from,
    source,
    ...readEmbedOutputOptions(values, usageError),
    ...(values.chain !== undefined && { chainId: parseChainId(values.chain, usageError) }),
    ...(values.registry !== undefined && { registry: values.registry }),
    ...(values.config !== undefined && { configPath: values.config }),
    rpcOverrides: (values.rpc ?? []).map((value) => parseRpcOverride(value, usageError)),
    ...(values['tee-key'] !== undefined && { teeKeyPath: values['tee-key'] }),
    ...settlementOf(values),
    ...(values.content !== undefined && { contentPath: values.content }),
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

const usageError = (message: string) => new EmbedUsageError(message);
