import { BaseError } from '../lib/errors';
import { createRequire } from 'node:module';
import { encodePacked, getAddress, keccak256, zeroAddress, type Abi, type Address, type Hex } from 'viem';
import { easAbi, schemaRegistryAbi } from '../lib/abi/eas';
import { waitForSuccess, type DevnetClients, type DevnetWalletClient } from './clients';
import type { CompiledContract, CompiledContracts } from './compile';

/** The EAS schema content proofs use (spec §3). */
export const contentSchema = 'bytes32 contentHash,string model';
/** A schema without `bytes32 contentHash`: attestations under it bind no content. */
export const schemaWithoutContentHash = 'bytes32 promptHash,string model';

/** One full set of the contracts a proof can rest on. */
export type ContractSet = {
  teeRegistry: Address;
  settlementRelay: Address;
  schemaRegistry: Address;
  eas: Address;
  erc7007: Address;
};

export type DevnetContracts = ContractSet & {
  /** Copies deployed by someone else; the trust configuration never names them. */
  rogue: ContractSet;
  /** ERC-7007 contracts of the reference implementation's flavours, by the deployer; the trust configuration names them. */
  erc7007Variants: Erc7007Variants;
  /** A TEERegistry of the interface before 2026-03-10, by the deployer; the devnet's trust configuration does not name it, tests do. */
  legacyTeeRegistry: Address;
  schemas: {
    /** UID of `contentSchema`; the same on every SchemaRegistry (it hashes only schema, resolver, revocable). */
    content: Hex;
    /** UID of `schemaWithoutContentHash`. */
    withoutContentHash: Hex;
  };
  /** `version()` of the deployed EAS: the EIP-712 domain version of off-chain attestations. */
  easVersion: string;
};

export type DeployDevnetContractsParameters = {
  clients: DevnetClients;
  compiled: CompiledContracts;
  /** Seconds a heartbeat keeps a TEE active, for both registries. */
  heartbeatWindow: bigint;
};

/** The real EAS contracts, from the bytecode the eas-contracts package ships. */
type EasArtifact = { abi: Abi; bytecode: Hex };
function easArtifact(name: 'EAS' | 'SchemaRegistry'): EasArtifact {
  const require = createRequire(import.meta.url);
  return require(`@ethereum-attestation-service/eas-contracts/artifacts/contracts/${name}.sol/${name}.json`) as EasArtifact;
}

/**
 * Deploys the trusted contracts (by the deployer) and the rogue copies (by
 * another account, as a page's author could), and registers both schemas on
 * both SchemaRegistries.
 */
export async function deployDevnetContracts({ clients, compiled, heartbeatWindow }: DeployDevnetContractsParameters): Promise<DevnetContracts> {
  const trusted = await deployContractSet({
    clients,
    compiled,
    heartbeatWindow,
    wallet: clients.wallets.deployer,
    erc7007Oracle: clients.accounts.erc7007Oracle.address,
  });
  const rogue = await deployContractSet({
    clients,
    compiled,
    heartbeatWindow,
    wallet: clients.wallets.rogue,
    erc7007Oracle: clients.accounts.rogue.address,
  });
  const legacyTeeRegistry = await deployContract({
    clients,
    wallet: clients.wallets.deployer,
    what: 'TEERegistryLegacy',
    contract: compiled.TEERegistryLegacy,
    args: [],
  });
  const erc7007Variants = await deployErc7007Variants({ clients, compiled, wallet: clients.wallets.deployer });
  const schemas = {
    content: await registerSchema({ clients, wallet: clients.wallets.deployer, schemaRegistry: trusted.schemaRegistry, schema: contentSchema }),
    withoutContentHash: await registerSchema({
      clients,
      wallet: clients.wallets.deployer,
      schemaRegistry: trusted.schemaRegistry,
      schema: schemaWithoutContentHash,
    }),
  };
  await registerSchema({ clients, wallet: clients.wallets.rogue, schemaRegistry: rogue.schemaRegistry, schema: contentSchema });
  const easVersion = await clients.public.readContract({ address: trusted.eas, abi: easAbi, functionName: 'version' });
  return { ...trusted, rogue, erc7007Variants, legacyTeeRegistry, schemas, easVersion };
}

type DeployContractSetParameters = DeployDevnetContractsParameters & {
  wallet: DevnetWalletClient;
  erc7007Oracle: Address;
};

async function deployContractSet({ clients, compiled, heartbeatWindow, wallet, erc7007Oracle }: DeployContractSetParameters): Promise<ContractSet> {
  const deploy = (what: string, contract: CompiledContract | EasArtifact, args: readonly unknown[]) =>
    deployContract({ clients, wallet, what, contract, args });
  const schemaRegistry = await deploy('SchemaRegistry', easArtifact('SchemaRegistry'), []);
  return {
    teeRegistry: await deploy('TEERegistry', compiled.TEERegistry, [heartbeatWindow]),
    settlementRelay: await deploy('InferenceSettlementRelay', compiled.InferenceSettlementRelay, []),
    schemaRegistry,
    eas: await deploy('EAS', easArtifact('EAS'), [schemaRegistry]),
    erc7007: await deploy('TestERC7007', compiled.TestERC7007, [erc7007Oracle]),
  };
}

/** The ERC-7007 flavours whose verify() alone binds nothing (spec §3e), and the draft's Mint-event contract. */
export type Erc7007Variants = {
  /** zkML reference: an accept-all proof verifier; AigcData with aigcData in the data. */
  zkml: Address;
  /** The same, with AigcData as the standard's text declares it (aigcData indexed). */
  zkmlIndexed: Address;
  /** opML reference: unknown prompts map to request 0. */
  opml: Address;
  /** The earlier draft: the record is a Mint event. */
  draft: Address;
};

type DeployErc7007VariantsParameters = { clients: DevnetClients; compiled: CompiledContracts; wallet: DevnetWalletClient };

async function deployErc7007Variants({ clients, compiled, wallet }: DeployErc7007VariantsParameters): Promise<Erc7007Variants> {
  const deploy = (name: keyof CompiledContracts, args: readonly unknown[]) => deployContract({ clients, wallet, what: name, contract: compiled[name], args });
  const verifier = await deploy('TestERC7007AcceptAllVerifier', []);
  return {
    zkml: await deploy('TestERC7007Zkml', [verifier]),
    zkmlIndexed: await deploy('TestERC7007ZkmlIndexed', [verifier]),
    opml: await deploy('TestERC7007Opml', [await deploy('TestERC7007OpmlLib', [])]),
    draft: await deploy('TestERC7007Draft', [verifier]),
  };
}

export class DeploymentError extends BaseError {
  override name = 'DeploymentError';
}

export type DeployContractParameters = {
  clients: DevnetClients;
  wallet: DevnetWalletClient;
  what: string;
  contract: CompiledContract | EasArtifact;
  args: readonly unknown[];
};

/** Deploys a compiled contract or an EAS artifact, and returns its checksummed address. */
export async function deployContract({ clients, wallet, what, contract, args }: DeployContractParameters): Promise<Address> {
  const hash = await wallet.deployContract({ abi: contract.abi, bytecode: contract.bytecode, args });
  const receipt = await waitForSuccess({ clients, hash, what: `Deploying ${what}` });
  if (!receipt.contractAddress) throw new DeploymentError(`Deploying ${what} created no contract (transaction ${hash})`);
  return getAddress(receipt.contractAddress);
}

/** What SchemaRegistry.register names a schema (it refuses to register one twice). */
export function schemaUid({ schema, resolver = zeroAddress, revocable = true }: { schema: string; resolver?: Address; revocable?: boolean }): Hex {
  return keccak256(encodePacked(['string', 'address', 'bool'], [schema, resolver, revocable]));
}

type RegisterSchemaParameters = { clients: DevnetClients; wallet: DevnetWalletClient; schemaRegistry: Address; schema: string };

async function registerSchema({ clients, wallet, schemaRegistry, schema }: RegisterSchemaParameters): Promise<Hex> {
  const hash = await wallet.writeContract({
    address: schemaRegistry,
    abi: schemaRegistryAbi,
    functionName: 'register',
    args: [schema, zeroAddress, true],
  });
  await waitForSuccess({ clients, hash, what: `Registering schema "${schema}"` });
  return schemaUid({ schema });
}
