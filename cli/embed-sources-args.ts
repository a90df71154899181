import { parseArgs } from 'node:util';
import { parseRpcOverride } from './args';
import { EmbedUsageError } from './embed-args';
import { embedOutputHelp, embedOutputOptions, oneOf, parseChainId, readEmbedOutputOptions, type EmbedOutputOptions } from './embed-output-args';

/** The sources of `verity embed` read here: EAS off-chain and on-chain attestations, ERC-7007 tokens (`og` is cli/embed-args.ts). */
export const attestationSources = ['eas', 'eas-onchain', 'erc7007'] as const;
export type AttestationSource = (typeof attestationSources)[number];

type Common = EmbedOutputOptions & {
  command: 'embed-attestation';
  /** The published text: a file, an http(s) URL, or - for standard input. */
  textPath: string;
  configPath?: string;
  rpcOverrides: { chainId: string; url: string }[];
};

export type EmbedAttestationCommand = Common &
  (
    | {
        from: 'eas';
        /** The attestation: a file, an http(s) URL or - (the SDK's object or the explorer's export), or an explorer share link. */
        attestation: string;
        signer?: string;
        schema?: string;
      }
    | { from: 'eas-onchain'; chainId: number; uid: string }
    | { from: 'erc7007'; chainId: number; contract: string; tokenId: bigint; prompt: { text: string } | { hex: string }; proof: string; tx?: string }
  );

/** `--from X` or `--from=X` in `verity embed` arguments: which parser reads them. */
export function embedSourceOf(argv: readonly string[]): string | undefined {
  for (const [index, argument] of argv.entries()) {
    if (argument === '--from') return argv[index + 1];
    if (argument.startsWith('--from=')) return argument.slice('--from='.length);
  }
  return undefined;
}

export const embedAttestationUsage =
  'Usage: verity embed --from eas ATTESTATION --text FILE [--signer ADDR] [--schema S] | --from eas-onchain UID --chain ID --text FILE | --from erc7007 --chain ID --contract ADDR --token-id N --prompt TEXT|--prompt-hex HEX --proof HEX [--tx HASH] --text FILE  [--form …] [--markdown] [--html|--bare] [--config FILE] [--rpc ID=URL] [--out FILE]';

export const embedAttestationHelpText = `Makes an embedded AI proof from an EAS attestation or an ERC-7007 token, after checking it.

--from eas         ATTESTATION is an EAS off-chain attestation: the SDK's signed object
                   or the explorer's JSON export (a file, an http(s) URL, or -), or
                   an explorer share link (…/offchain/url/#attestation=…)
--from eas-onchain UID is an on-chain attestation's UID
--from erc7007     an ERC-7007 token, given by the options below
--text FILE        the published text the proof binds (- for standard input)
--signer ADDR      eas: the attester, when ATTESTATION does not name it (the SDK's object)
--schema S         eas: the schema string, when it is not "bytes32 contentHash,string model"
--chain ID         eas-onchain, erc7007: the chain
--contract ADDR    erc7007: the token contract
--token-id N       erc7007: the token id (decimal or 0x hex)
--prompt TEXT      erc7007: the prompt, as UTF-8 text; or --prompt-hex HEX as bytes
--proof HEX        erc7007: the proof bytes the contract's verify() takes
--tx HASH          erc7007: the transaction that minted the token or added its AIGC data
${embedOutputHelp('on-chain attestations only, text the page shows as is')}
--model NAME       the model name shown to readers, as the page's claim
--config FILE      a trust configuration (JSON) merged over the built-in defaults
--rpc ID=URL       use URL as the RPC of chain ID (repeatable); when it names the
                   proof's chain, the proof is checked there first, as a reader would

eas: the signature must verify and the attested contentHash must be that of
the text; with --rpc the attestation, token or record must hold on chain.
Otherwise nothing is written.
Exit status: 0 when the proof was made, 1 when an input is wrong (the message
names the field), 2 for a usage or configuration error.`;

/** Reads `verity embed --from eas|eas-onchain|erc7007 …` arguments. Throws EmbedUsageError naming what is wrong. */
export function parseEmbedAttestationArgs(argv: readonly string[]): EmbedAttestationCommand | { command: 'help'; topic: 'embed-attestation' } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        ...embedOutputOptions,
        from: { type: 'string' },
        text: { type: 'string' },
        signer: { type: 'string' },
        schema: { type: 'string' },
        chain: { type: 'string' },
        contract: { type: 'string' },
        'token-id': { type: 'string' },
        prompt: { type: 'string' },
        'prompt-hex': { type: 'string' },
        proof: { type: 'string' },
        tx: { type: 'string' },
        config: { type: 'string' },
        rpc: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', topic: 'embed-attestation' };
  const from = oneOf('--from', values.from ?? '', attestationSources, usageError);
  if (values.text === undefined) throw usageError('Missing --text FILE: the published text the proof binds (- for standard input)');
  const [source, ...extra] = positionals;
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}"`);
  if ([source, values.text, values.rendered].filter((path) => path === '-').length > 1) throw usageError('Only one input can come from standard input (-)');

  const only = (names: (keyof typeof values)[], source: AttestationSource) => {
    const stray = names.find((name) => values[name] !== undefined);
    if (stray !== undefined) throw usageError(`--${stray} is for --from ${source}`);
  };
  const common: Common = {
    command: 'embed-attestation',
    ...readEmbedOutputOptions(values, usageError),
    textPath: values.text,
    ...(values.config !== undefined && { configPath: values.config }),
    rpcOverrides: (values.rpc ?? []).map((value) => parseRpcOverride(value, usageError)),
  };
  const chainId = () => {
    if (values.chain === undefined) throw usageError(`Missing --chain: the chain of the ${from === 'erc7007' ? 'token' : 'attestation'}`);
    return parseChainId(values.chain, usageError);
  };

  switch (from) {
    case 'eas':
      only(['chain', 'contract', 'token-id', 'prompt', 'prompt-hex', 'proof', 'tx'], 'erc7007');
      if (source === undefined) throw usageError('Missing ATTESTATION: a file, an http(s) URL, - for standard input, or an EAS explorer share link');
      return {
        ...common,
        from,
        attestation: source,
        ...(values.signer !== undefined && { signer: values.signer }),
        ...(values.schema !== undefined && { schema: values.schema }),
      };
    case 'eas-onchain':
      only(['contract', 'token-id', 'prompt', 'prompt-hex', 'proof', 'tx'], 'erc7007');
      only(['signer', 'schema'], 'eas');
      if (source === undefined) throw usageError("Missing UID: the on-chain attestation's UID (0x and 64 hex digits)");
      return { ...common, from, chainId: chainId(), uid: source };
    case 'erc7007': {
      only(['signer', 'schema'], 'eas');
      if (source !== undefined) throw usageError(`Unexpected argument "${source}": an ERC-7007 token is given with --contract and --token-id`);
      for (const name of ['contract', 'token-id', 'proof'] as const) if (values[name] === undefined) throw usageError(`Missing --${name}`);
      if ((values.prompt === undefined) === (values['prompt-hex'] === undefined)) throw usageError('Give the prompt once: --prompt TEXT or --prompt-hex HEX');
      return {
        ...common,
        from,
        chainId: chainId(),
        contract: values.contract!,
        tokenId: parseTokenId(values['token-id']!),
        prompt: values.prompt !== undefined ? { text: values.prompt } : { hex: values['prompt-hex']! },
        proof: values.proof!,
        ...(values.tx !== undefined && { tx: values.tx }),
      };
    }
  }
}

function parseTokenId(value: string): bigint {
  if (!/^(?:[0-9]{1,78}|0x[0-9a-fA-F]{1,64})$/.test(value)) throw usageError(`--token-id "${value}": expected a token id, decimal or 0x hex`);
  return BigInt(value);
}

/** A usage error of `verity embed --from eas|eas-onchain|erc7007`: printed with this usage line, exit 2. */
export class EmbedAttestationUsageError extends EmbedUsageError {
  override name = 'EmbedAttestationUsageError';
}

function usageError(message: string): EmbedAttestationUsageError {
  return new EmbedAttestationUsageError(message);
}
