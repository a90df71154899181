import { readFile } from 'node:fs/promises';
import type { PrivateKeyAccount } from 'viem/accounts';
import { attestOnchain, connectChain, readEasDomain, registerSchema, requireRegisteredSchema } from '../lib/publish/attest-chain';
import { attesterAccount } from '../lib/publish/attest-key';
import { signOffchainAttestation } from '../lib/publish/attest-offchain';
import { checkProofOnChain } from '../lib/publish/chain-check';
import { contentSchema, encodeContentData } from '../lib/publish/eas-content';
import { easOffchainEnvelope } from '../lib/publish/eas-offchain';
import { easOnchainEnvelope } from '../lib/publish/eas-onchain';
import { PublishError } from '../lib/publish/publish-errors';
import { canonicalText } from '../lib/text/canonical';
import type { EasConfig, TrustConfig } from '../lib/trust/schema';
import { AttestUsageError, attesterKeyVariable, type AttestCommand, type RegisterSchemaCommand } from './attest-args';
import { OutputWriteError, warn, writeResult } from './embed';
import { loadTrustConfig } from './trust-config';
import { embeddingOf, readPublishedText } from './embed-sources';

/**
 * `verity attest`: checks the chain (its RPC serves --chain, the schema is
 * registered) before signing or sending anything, attests the text off
 * chain (a signature) or on chain (a transaction, waited for), and writes
 * the embedding. Returns the exit status as runEmbed does.
 */
export async function runAttest(args: AttestCommand): Promise<number> {
  try {
    const text = await readPublishedText(args.textPath);
    if (canonicalText(text) === '') throw new AttestUsageError(`--text ${args.textPath} holds no text to attest`);
    const account = await readAttesterKey(args);
    const { trust, eas, client, rpcUrl } = await connect(args);
    const schemaUid = await requireRegisteredSchema({ client, chainId: args.chainId, schemaRegistry: eas.schemaRegistry, schema: contentSchema });
    const data = encodeContentData({ text, model: args.model ?? '' });
    const format = args.markdown ? 'markdown' : 'plain';

    let made;
    if (args.onchain) {
      const { uid, tx } = await attestOnchain({ client, rpcUrl, account, eas: eas.eas, schemaUid, data });
      warn(`attested on chain ${args.chainId}: uid ${uid} (transaction ${tx})`);
      made = easOnchainEnvelope({ chainId: args.chainId, uid, text, format });
    } else {
      const domain = args.easVersion !== undefined ? { chainId: args.chainId, eas: eas.eas, version: args.easVersion } : await readEasDomain({ client, chainId: args.chainId, eas: eas.eas });
      const signed = await signOffchainAttestation({ account, domain, schemaUid, data });
      // The same checks as any attestation handed to `verity embed`: what was signed verifies, for this text.
      made = easOffchainEnvelope({ attestation: signed.attestation, signer: signed.signer, text, format });
    }
    const { warnings } = await checkProofOnChain({ envelope: made.envelope, signedText: made.signedText, trust });
    for (const check of warnings) warn(`warning: ${check.label}: ${check.detail}`);
    await writeResult(await embeddingOf({ options: args, envelope: made.envelope, signedText: made.signedText }), args.outPath);
    return 0;
  } catch (error) {
    if (error instanceof PublishError || error instanceof OutputWriteError) {
      warn(error.message);
      return 1;
    }
    throw error;
  }
}

/** `verity attest register-schema`: registers the content schema once, or says it is registered already. */
export async function runRegisterSchema(args: RegisterSchemaCommand): Promise<number> {
  try {
    const account = await readAttesterKey(args);
    const { eas, client, rpcUrl } = await connect(args);
    const { uid, tx } = await registerSchema({ client, rpcUrl, account, chainId: args.chainId, schemaRegistry: eas.schemaRegistry, schema: contentSchema });
    process.stdout.write(
      tx === undefined
        ? `The schema "${contentSchema}" is registered already on chain ${args.chainId}: ${uid}\n`
        : `Registered the schema "${contentSchema}" on chain ${args.chainId}: ${uid} (transaction ${tx})\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof PublishError) {
      warn(error.message);
      return 1;
    }
    throw error;
  }
}

/** The key from --key-file, else the environment variable; never from an argument. */
async function readAttesterKey({ keyFile }: { keyFile?: string }): Promise<PrivateKeyAccount> {
  if (keyFile !== undefined) {
    let key: string;
    try {
      key = await readFile(keyFile, 'utf8');
    } catch (error) {
      throw new AttestUsageError(`--key-file ${keyFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return attesterAccount({ key, source: `--key-file ${keyFile}` });
  }
  const key = process.env[attesterKeyVariable];
  if (key === undefined) throw new AttestUsageError(`Missing the attester's key: give --key-file FILE or set ${attesterKeyVariable}`);
  return attesterAccount({ key, source: attesterKeyVariable });
}

type Connected = { trust: TrustConfig; eas: EasConfig; client: Awaited<ReturnType<typeof connectChain>>; rpcUrl: string };

/** The chain's EAS contracts and RPC from the configuration, and a client once the RPC has said it serves that chain. */
async function connect(args: RegisterSchemaCommand | AttestCommand): Promise<Connected> {
  const trust = await loadTrustConfig({ ...args, makeError: (message) => new AttestUsageError(message) });
  const chain = String(args.chainId);
  const eas = trust.eas[chain];
  if (eas === undefined) throw new AttestUsageError(`The configuration names no EAS contract for chain ${chain}: give --config FILE with its "eas" section`);
  const rpcUrl = trust.chains[chain]?.rpc[0];
  if (rpcUrl === undefined) throw new AttestUsageError(`The configuration names no RPC for chain ${chain}: give --rpc ${chain}=URL`);
  return { trust, eas, client: await connectChain({ rpcUrl, chainId: args.chainId }), rpcUrl };
}
