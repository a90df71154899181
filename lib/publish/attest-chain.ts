import {
  BaseError as ViemBaseError,
  createPublicClient,
  createWalletClient,
  http,
  parseEventLogs,
  zeroAddress,
  zeroHash,
  type Address,
  type Hex,
  type LocalAccount,
  type PublicClient,
} from 'viem';
import { easAbi, schemaRegistryAbi } from '../abi/eas';
import type { EasDomainParameters } from './attest-offchain';
import { schemaUidOf } from './eas-content';
import { ChainCheckError, ChainMismatchError, SchemaNotRegisteredError } from './eas-errors';
import { InvalidFieldError } from './publish-errors';

export type ConnectChainParameters = {
  rpcUrl: string;
  /** The chain the configuration names: the RPC must serve it. */
  chainId: number;
};

/** A client of the RPC, once it has said it serves `chainId`: a key is never used on a chain the publisher did not mean. */
export async function connectChain({ rpcUrl, chainId }: ConnectChainParameters): Promise<PublicClient> {
  const client = createPublicClient({ transport: http(rpcUrl, { retryCount: 1, timeout: 30_000 }) });
  let served: number;
  try {
    served = await client.getChainId();
  } catch (error) {
    throw new ChainCheckError(`The RPC ${rpcUrl} does not answer (${shortMessageOf(error)})`, { field: 'rpc', cause: error });
  }
  if (served !== chainId) throw new ChainMismatchError(`The RPC ${rpcUrl} serves chain ${served}, not chain ${chainId}`, { field: 'chainId' });
  return client;
}

export type ReadEasDomainParameters = { client: PublicClient; chainId: number; eas: Address };

/** The EIP-712 domain of off-chain attestations for this EAS contract: its `version()` names the domain's version. */
export async function readEasDomain({ client, chainId, eas }: ReadEasDomainParameters): Promise<EasDomainParameters> {
  try {
    const version = await client.readContract({ address: eas, abi: easAbi, functionName: 'version' });
    return { chainId, eas, version };
  } catch (error) {
    throw new InvalidFieldError(`Cannot read version() of ${eas} on chain ${chainId}: is it the EAS contract? (${shortMessageOf(error)})`, { field: 'eas', cause: error });
  }
}

export type SchemaParameters = { client: PublicClient; chainId: number; schemaRegistry: Address; schema: string };

/** Whether the SchemaRegistry holds the schema (revocable, no resolver): its UID, or undefined. */
export async function readRegisteredSchema({ client, chainId, schemaRegistry, schema }: SchemaParameters): Promise<Hex | undefined> {
  const uid = schemaUidOf({ schema });
  let record: { uid: Hex };
  try {
    record = await client.readContract({ address: schemaRegistry, abi: schemaRegistryAbi, functionName: 'getSchema', args: [uid] });
  } catch (error) {
    throw new InvalidFieldError(`Cannot read getSchema() of ${schemaRegistry} on chain ${chainId}: is it the SchemaRegistry? (${shortMessageOf(error)})`, {
      field: 'schemaRegistry',
      cause: error,
    });
  }
  return record.uid === zeroHash ? undefined : uid;
}

/** The schema's UID; throws SchemaNotRegisteredError, pointing to the command that registers it, when it is not registered. */
export async function requireRegisteredSchema(parameters: SchemaParameters): Promise<Hex> {
  const uid = await readRegisteredSchema(parameters);
  if (uid !== undefined) return uid;
  const { schemaRegistry, chainId, schema } = parameters;
  throw new SchemaNotRegisteredError(
    `The schema "${schema}" (${schemaUidOf({ schema })}) is not registered on the SchemaRegistry ${schemaRegistry} of chain ${chainId}: register it once with \`verity attest register-schema\``,
    { field: 'schema' },
  );
}

export type RegisterSchemaParameters = SchemaParameters & { account: LocalAccount; rpcUrl: string };

export type RegisterSchemaReturnType = { uid: Hex; tx?: Hex };

/** Registers the schema (revocable, no resolver), waiting for the transaction; a schema registered already is left as it is (no `tx`). */
export async function registerSchema({ account, rpcUrl, ...parameters }: RegisterSchemaParameters): Promise<RegisterSchemaReturnType> {
  const { client, schemaRegistry, schema } = parameters;
  const registered = await readRegisteredSchema(parameters);
  if (registered !== undefined) return { uid: registered };
  const wallet = createWalletClient({ account, transport: http(rpcUrl, { retryCount: 1, timeout: 30_000 }) });
  const tx = await sendAndWait(client, 'Registering the schema', () =>
    wallet.writeContract({ address: schemaRegistry, abi: schemaRegistryAbi, functionName: 'register', args: [schema, zeroAddress, true], chain: null }),
  );
  return { uid: schemaUidOf({ schema }), tx: tx.hash };
}

export type AttestOnchainParameters = {
  client: PublicClient;
  rpcUrl: string;
  account: LocalAccount;
  eas: Address;
  schemaUid: Hex;
  data: Hex;
};

export type AttestOnchainReturnType = { uid: Hex; tx: Hex };

/** Makes a revocable on-chain attestation with EAS.attest, waits for it, and reads its UID from the Attested log. */
export async function attestOnchain({ client, rpcUrl, account, eas, schemaUid, data }: AttestOnchainParameters): Promise<AttestOnchainReturnType> {
  const wallet = createWalletClient({ account, transport: http(rpcUrl, { retryCount: 1, timeout: 30_000 }) });
  const request = { schema: schemaUid, data: { recipient: zeroAddress, expirationTime: 0n, revocable: true, refUID: zeroHash, data, value: 0n } };
  const receipt = await sendAndWait(client, 'The attestation', () =>
    wallet.writeContract({ address: eas, abi: easAbi, functionName: 'attest', args: [request], chain: null }),
  );
  const [attested] = parseEventLogs({ abi: easAbi, logs: receipt.logs, eventName: 'Attested' }).filter(
    (log) => log.address.toLowerCase() === eas.toLowerCase(),
  );
  if (attested === undefined) throw new ChainCheckError(`Transaction ${receipt.hash} made no attestation: it has no Attested log from ${eas}`, { field: 'eas' });
  return { uid: attested.args.uid, tx: receipt.hash };
}

async function sendAndWait(client: PublicClient, what: string, send: () => Promise<Hex>) {
  let hash: Hex;
  try {
    hash = await send();
  } catch (error) {
    throw new ChainCheckError(`${what} was not sent: ${shortMessageOf(error)}`, { field: 'transaction', cause: error });
  }
  const receipt = await client.waitForTransactionReceipt({ hash });
  if (receipt.status !== 'success') throw new ChainCheckError(`${what} reverted (transaction ${hash})`, { field: 'transaction' });
  return { ...receipt, hash };
}

function shortMessageOf(error: unknown): string {
  if (error instanceof ViemBaseError) return error.shortMessage;
  return error instanceof Error ? error.message : String(error);
}
