import { stringToHex, type Address, type Hex } from 'viem';
import { embedProof, type ShownContent } from '../lib/publish/embed';
import type { PublishEnvelope } from '../lib/publish/envelope';
import { checkProofOnChain } from '../lib/publish/chain-check';
import { easOffchainEnvelope, readEasOffchainAttestation } from '../lib/publish/eas-offchain';
import { easOnchainEnvelope } from '../lib/publish/eas-onchain';
import { erc7007Envelope } from '../lib/publish/erc7007';
import { PublishError } from '../lib/publish/publish-errors';
import { readEasExplorerLink } from '../lib/eas/explorer-link';
import { canonicalText } from '../lib/text/canonical';
import type { TrustConfig } from '../lib/trust/schema';
import { OutputWriteError, warn, writeResult } from './embed';
import { loadTrustConfig } from './trust-config';
import type { EmbedOutputOptions } from './embed-output-args';
import type { EmbedAttestationCommand } from './embed-sources-args';
import { readSource } from './read-source';
import { EmbedAttestationUsageError } from './embed-sources-args';

/**
 * `verity embed --from eas|eas-onchain|erc7007`: makes the envelope (every
 * check of lib/publish first; on chain too when --rpc names its chain) and
 * writes the embedding whole or not at all. Returns the exit status as
 * runEmbed does.
 */
export async function runEmbedAttestation(args: EmbedAttestationCommand): Promise<number> {
  try {
    const trust = await loadTrustConfig({ ...args, makeError: (message) => new EmbedAttestationUsageError(message) });
    const text = await readPublishedText(args.textPath);
    if (canonicalText(text) === '') throw new EmbedAttestationUsageError(`--text ${args.textPath} holds no text: give the text the proof binds`);
    const { envelope, signedText } = await envelopeOf(args, text);
    await checkWhereAsked({ args, envelope, signedText, trust });
    await writeResult(await embeddingOf({ options: args, envelope, signedText }), args.outPath);
    return 0;
  } catch (error) {
    if (error instanceof PublishError || error instanceof OutputWriteError) {
      warn(error.message);
      return 1;
    }
    throw error;
  }
}

async function envelopeOf(args: EmbedAttestationCommand, text: string): Promise<{ envelope: PublishEnvelope; signedText: string }> {
  const format = args.markdown ? 'markdown' : 'plain';
  const model = args.model === undefined ? {} : { model: args.model };
  switch (args.from) {
    case 'eas': {
      // A share link is the argument itself; anything else is read as a file, a URL or standard input.
      const input = readEasExplorerLink(args.attestation) !== undefined ? args.attestation : (await readSource(args.attestation)).content;
      const attestation = readEasOffchainAttestation({ input, signer: args.signer });
      return easOffchainEnvelope({ ...attestation, text, format, ...model, ...(args.schema !== undefined && { schema: args.schema }) });
    }
    case 'eas-onchain':
      return easOnchainEnvelope({ chainId: args.chainId, uid: args.uid as Hex, text, format, ...model });
    case 'erc7007': {
      const prompt = 'text' in args.prompt ? stringToHex(args.prompt.text) : (args.prompt.hex as Hex);
      return erc7007Envelope({
        chainId: args.chainId,
        contract: args.contract as Address,
        tokenId: args.tokenId,
        prompt,
        proof: args.proof as Hex,
        ...(args.tx !== undefined && { tx: args.tx as Hex }),
        text,
        format,
        ...model,
      });
    }
  }
}

/** The proof's chain: the attestation's domain, or the one named. */
function chainOf(envelope: PublishEnvelope): number {
  const { proof } = envelope;
  if (proof.type === 'eas-offchain') return Number((proof.attestation as { domain: { chainId: string | number } }).domain.chainId);
  return proof.chainId as number;
}

type CheckWhereAskedParameters = { args: EmbedAttestationCommand; envelope: PublishEnvelope; signedText: string; trust: TrustConfig };

/** With --rpc for the proof's chain, the proof is verified there as a reader would; a failure names the field and nothing is written. */
async function checkWhereAsked({ args, envelope, signedText, trust }: CheckWhereAskedParameters): Promise<void> {
  const chainId = chainOf(envelope);
  if (!args.rpcOverrides.some((override) => Number(override.chainId) === chainId)) {
    if (args.from !== 'eas') warn(`note: not checked on chain: give --rpc ${chainId}=URL to check the ${args.from === 'erc7007' ? 'token and its record' : 'attestation'} first`);
    return;
  }
  if (args.from !== 'erc7007' && trust.eas[String(chainId)] === undefined) {
    throw new EmbedAttestationUsageError(`The configuration names no EAS contract for chain ${chainId}: give --config FILE with its "eas" section`);
  }
  const { warnings } = await checkProofOnChain({ envelope, signedText, trust });
  for (const check of warnings) warn(`warning: ${check.label}: ${check.detail}`);
}

type EmbeddingOfParameters = { options: EmbedOutputOptions; envelope: PublishEnvelope; signedText: string };

/** The embedding in the form asked for, showing the text (or the HTML rendered from its Markdown). Shared with `verity attest`. */
export async function embeddingOf({ options, envelope, signedText }: EmbeddingOfParameters): Promise<string> {
  let shown: ShownContent | undefined;
  if (options.renderedPath !== undefined) shown = { html: (await readSource(options.renderedPath)).content };
  else if (!options.markdown) shown = { text: signedText };
  else if (options.output === 'html') warn('note: the fragment has a placeholder comment where the HTML your site renders from the Markdown goes (or give --rendered FILE)');
  return embedProof({
    envelope,
    form: options.form,
    output: options.output,
    attributeEncoding: options.attributeEncoding,
    ...(shown !== undefined && { shown }),
    ...(options.target !== undefined && { target: options.target }),
    ...(options.id !== undefined && { id: options.id }),
  });
}

/**
 * The published text from --text: a file, a URL or standard input, less the
 * one line break that ends a text file. ERC-7007 binds the exact bytes, and
 * editors end files with a line break the text never had.
 */
export async function readPublishedText(path: string): Promise<string> {
  return (await readSource(path)).content.replace(/\r?\n$/, '');
}
