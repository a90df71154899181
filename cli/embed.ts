import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { getAddress, type Address, type Hex } from 'viem';
import { BaseError } from '../lib/errors';
import { embedProof, type ShownContent } from '../lib/publish/embed';
import { readOgResponse } from '../lib/publish/og-response';
import { ogTeeEnvelope, type OgSettlement } from '../lib/publish/og-tee';
import { PublishError } from '../lib/publish/publish-errors';
import { terminalSafe } from '../lib/text/terminal-safe';
import type { TrustConfig } from '../lib/trust/schema';
import { EmbedUsageError, type EmbedCommand } from './embed-args';
import { loadTrustConfig } from './trust-config';
import { readSource } from './read-source';

/** The result file could not be written. */
export class OutputWriteError extends BaseError {
  override name = 'OutputWriteError';
}

/**
 * `verity embed`: reads the response, makes the proof (every check of
 * lib/publish first), and writes it whole or not at all. Returns the exit
 * status: 0 made, 1 bad input or unwritable output; usage, configuration
 * and unreadable-source errors are thrown for the CLI's own handling.
 */
export async function runEmbed(args: EmbedCommand): Promise<number> {
  try {
    const result = await makeEmbedding(args);
    await writeResult(result, args.outPath);
    return 0;
  } catch (error) {
    if (error instanceof PublishError || error instanceof OutputWriteError) {
      warn(error.message);
      return 1;
    }
    throw error;
  }
}

async function makeEmbedding(args: EmbedCommand): Promise<string> {
  const trust = await loadTrustConfig({ ...args, makeError: (message) => new EmbedUsageError(message) });
  const { chainId, registry } = registryOf(args, trust, await openGradientChainsOf(args.configPath));
  const response = (await readSource(args.source)).content;
  const output = args.contentPath === undefined ? undefined : await readInput(args.contentPath);
  const inference = readOgResponse({ response, ...(output !== undefined && { output }) });

  const rpcUrl = trust.chains[String(chainId)]?.rpc[0];
  const teePublicKey = args.teeKeyPath === undefined ? undefined : await readInput(args.teeKeyPath);
  const { envelope, signedText, signatureCheckedWith } = await ogTeeEnvelope({
    inference,
    chainId,
    registry,
    format: args.markdown ? 'markdown' : 'plain',
    ...(args.model !== undefined && { model: args.model }),
    ...(args.settlement !== undefined && { settlement: settlementOf(args.settlement, trust, chainId) }),
    ...(teePublicKey !== undefined ? { teePublicKey } : rpcUrl !== undefined && { rpcUrl }),
  });
  if (signatureCheckedWith === 'unchecked') {
    warn(`warning: the TEE signature was not checked: chain ${chainId} has no RPC in the configuration. Give --tee-key FILE or --rpc ${chainId}=URL; readers will check it.`);
  }

  let shown: ShownContent | undefined;
  if (args.renderedPath !== undefined) shown = { html: await readInput(args.renderedPath) };
  else if (!args.markdown) shown = { text: signedText };
  else if (args.output === 'html') warn('note: the fragment has a placeholder comment where the HTML your site renders from the Markdown goes (or give --rendered FILE)');

  return embedProof({
    envelope,
    form: args.form,
    output: args.output,
    attributeEncoding: args.attributeEncoding,
    ...(shown !== undefined && { shown }),
    ...(args.target !== undefined && { target: args.target }),
    ...(args.id !== undefined && { id: args.id }),
  });
}

/**
 * The chain and TEERegistry: as given, else the configuration's: the one
 * OpenGradient chain the --config file names, else the one of the merged
 * configuration (built-in defaults, --config, --rpc).
 */
function registryOf(args: EmbedCommand, trust: TrustConfig, ownChains: string[]): { chainId: number; registry: Address } {
  const configured = ownChains.length > 0 ? ownChains : Object.keys(trust.opengradient);
  let chainId = args.chainId;
  if (chainId === undefined) {
    if (configured.length !== 1) {
      throw new EmbedUsageError(`Missing --chain: the configuration names OpenGradient on ${configured.length === 0 ? 'no chain' : `chains ${configured.join(', ')}`}`);
    }
    chainId = Number(configured[0]);
  }
  const registry = args.registry ?? trust.opengradient[String(chainId)]?.teeRegistry;
  if (registry === undefined) throw new EmbedUsageError(`Missing --registry: the configuration names no TEERegistry for chain ${chainId}`);
  const trusted = trust.opengradient[String(chainId)]?.teeRegistry;
  if (trusted !== undefined && trusted.toLowerCase() !== registry.toLowerCase()) {
    warn(`warning: readers with this configuration trust the TEERegistry ${getAddress(trusted)} on chain ${chainId}, not ${registry}: they will see this proof as untrusted`);
  }
  return { chainId, registry: registry as Address };
}

function settlementOf(settlement: NonNullable<EmbedCommand['settlement']>, trust: TrustConfig, chainId: number): OgSettlement {
  let relay = settlement.relay;
  if (relay === undefined) {
    const relays = trust.opengradient[String(chainId)]?.settlementRelays ?? [];
    if (relays.length !== 1) throw new EmbedUsageError(`Missing --relay: the configuration names ${relays.length} settlement relays for chain ${chainId}`);
    relay = getAddress(relays[0]!);
  }
  const { tx, root, proof } = settlement;
  return root === undefined ? { relay: relay as Address, tx: tx as Hex } : { relay: relay as Address, tx: tx as Hex, root: root as Hex, proof: (proof ?? []) as Hex[] };
}

/** The OpenGradient chains the --config file itself names (loadTrustConfig has read and checked it). */
async function openGradientChainsOf(configPath: string | undefined): Promise<string[]> {
  if (configPath === undefined) return [];
  const { opengradient } = JSON.parse(await readFile(configPath, 'utf8')) as { opengradient?: Record<string, unknown> };
  return Object.keys(opengradient ?? {});
}

/** An input file (key, content, rendered HTML), or - for standard input. */
async function readInput(path: string): Promise<string> {
  return (await readSource(path)).content;
}

/**
 * Standard output, or FILE written whole: a temporary file beside it,
 * renamed over it, so a failure never leaves half a proof on a page.
 */
export async function writeResult(result: string, outPath: string | undefined): Promise<void> {
  if (outPath === undefined) {
    process.stdout.write(`${result}\n`);
    return;
  }
  const temporary = join(dirname(outPath), `.${basename(outPath)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, `${result}\n`, { flag: 'wx' });
    await rename(temporary, outPath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new OutputWriteError(`Cannot write ${outPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
}

/** Messages may quote a file or a response: shown terminal-safe. */
export function warn(text: string): void {
  process.stderr.write(`verity: ${terminalSafe(text, { keepLayout: true })}\n`);
}
