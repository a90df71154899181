import { parseArgs } from 'node:util';
import { looksLikePrivateKey } from '../lib/publish/attest-key';
import { parseRpcOverride, UsageError } from './args';
import { embedOutputHelp, embedOutputOptions, parseChainId, readEmbedOutputOptions, type EmbedOutputOptions } from './embed-output-args';

/** The environment variable that may hold the attester's private key. */
export const attesterKeyVariable = 'VERITY_ATTESTER_KEY';

type Common = {
  chainId: number;
  /** A file holding the attester's private key; else the environment variable. */
  keyFile?: string;
  configPath?: string;
  rpcOverrides: { chainId: string; url: string }[];
};

export type AttestCommand = Common &
  EmbedOutputOptions & {
    command: 'attest';
    /** The text to attest: a file, an http(s) URL, or - for standard input. */
    textPath: string;
    onchain: boolean;
    /** The EAS contract's version() for the EIP-712 domain; read from the contract when absent. */
    easVersion?: string;
  };

export type RegisterSchemaCommand = Common & { command: 'register-schema' };

/** A usage error of `verity attest`: printed with its usage line, exit 2. */
export class AttestUsageError extends UsageError {
  override name = 'AttestUsageError';
}

export const attestUsage =
  'Usage: verity attest --text FILE --chain ID [--model NAME] [--key-file FILE] [--onchain] [--eas-version V] [--form …] [--markdown] [--html|--bare] [--config FILE] [--rpc ID=URL] [--out FILE]\n       verity attest register-schema --chain ID [--key-file FILE] [--config FILE] [--rpc ID=URL]';

export const attestHelpText = `Attests a text with your own key: an EAS attestation of schema
"bytes32 contentHash,string model", contentHash = keccak256(UTF-8 of the
canonical text), then prints the embedding. For publishers without an AI
provider's signature.

--text FILE        the text to attest (- for standard input)
--chain ID         the chain whose EAS contract the configuration names
--model NAME       the model that wrote the text, attested with it (default: none)
--key-file FILE    a file holding the attester's private key (hex); else the
                   ${attesterKeyVariable} environment variable. Never on the command line.
--onchain          make an on-chain attestation (a transaction, waited for)
                   instead of a signed off-chain one
--eas-version V    the EAS contract's version() for the signature's EIP-712
                   domain (default: read from the contract)
${embedOutputHelp('on-chain attestations only, text the page shows as is')}
--config FILE      a trust configuration (JSON) merged over the built-in defaults:
                   its "eas" section names the EAS contract and SchemaRegistry
--rpc ID=URL       use URL as the RPC of chain ID (repeatable)

register-schema    registers the schema on the chain's SchemaRegistry (once per
                   chain, a transaction): attest refuses until it is registered

The RPC must serve --chain, and the schema must be registered; otherwise
nothing is signed or sent.
Exit status: 0 when done, 1 when an input or the chain is wrong (the message
names the field), 2 for a usage or configuration error.`;

/** Reads `verity attest …` arguments. Throws AttestUsageError naming what is wrong, and always when a private key is on the command line. */
export function parseAttestArgs(argv: readonly string[]): AttestCommand | RegisterSchemaCommand | { command: 'help'; topic: 'attest' } {
  refuseKeyArguments(argv);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        ...embedOutputOptions,
        text: { type: 'string' },
        chain: { type: 'string' },
        'key-file': { type: 'string' },
        onchain: { type: 'boolean' },
        'eas-version': { type: 'string' },
        config: { type: 'string' },
        rpc: { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new AttestUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help', topic: 'attest' };
  const [subcommand, ...extra] = positionals;
  if (extra.length > 0 || (subcommand !== undefined && subcommand !== 'register-schema')) {
    throw new AttestUsageError(`Unexpected argument "${extra[0] ?? subcommand}": the text is given with --text FILE`);
  }
  if (values.chain === undefined) throw new AttestUsageError('Missing --chain: the chain whose EAS contract attests');
  const common: Common = {
    chainId: parseChainId(values.chain, (message) => new AttestUsageError(message)),
    ...(values['key-file'] !== undefined && { keyFile: values['key-file'] }),
    ...(values.config !== undefined && { configPath: values.config }),
    rpcOverrides: (values.rpc ?? []).map((value) => parseRpcOverride(value, (message) => new AttestUsageError(message))),
  };
  if (subcommand === 'register-schema') {
    const stray = Object.keys(values).find((name) => !['chain', 'key-file', 'config', 'rpc'].includes(name));
    if (stray !== undefined) throw new AttestUsageError(`--${stray} is not an option of register-schema`);
    return { command: 'register-schema', ...common };
  }
  if (values.text === undefined) throw new AttestUsageError('Missing --text FILE: the text to attest (- for standard input)');
  if (values.text === '-' && values.rendered === '-') throw new AttestUsageError('Only one input can come from standard input (-)');
  if (values.onchain && values['eas-version'] !== undefined) throw new AttestUsageError('--eas-version is for off-chain attestations: an on-chain one is not signed with a domain');
  return {
    command: 'attest',
    ...common,
    ...readEmbedOutputOptions(values, (message) => new AttestUsageError(message)),
    textPath: values.text,
    onchain: values.onchain ?? false,
    ...(values['eas-version'] !== undefined && { easVersion: values['eas-version'] }),
  };
}

/**
 * A private key on the command line stays in shell history and shows in
 * the process list: refused before anything else, whatever the option.
 */
function refuseKeyArguments(argv: readonly string[]): void {
  const keyOption = argv.find((argument) => /^--(private-?key|key|secret)(=|$)/i.test(argument));
  const keyValue = argv.some((argument) => looksLikePrivateKey(argument.includes('=') ? argument.slice(argument.indexOf('=') + 1) : argument));
  if (keyOption !== undefined || keyValue) {
    throw new AttestUsageError(
      `A private key is never given on the command line (shell history and the process list keep it): put it in a file and give --key-file FILE, or set ${attesterKeyVariable}`,
    );
  }
}
