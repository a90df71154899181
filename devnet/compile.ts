import { BaseError } from '../lib/errors';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

const devnetDirectory = dirname(fileURLToPath(import.meta.url));
export const contractsDirectory = join(devnetDirectory, 'contracts');
export const buildDirectory = join(devnetDirectory, '.build');

/** The contracts this repository writes; each lives in `contracts/NAME.sol`. */
export const contractNames = [
  'TEERegistry',
  'TEERegistryLegacy',
  'InferenceSettlementRelay',
  'TestERC7007',
  'TestERC7007Zkml',
  'TestERC7007ZkmlIndexed',
  'TestERC7007Draft',
  'TestERC7007Opml',
  'TestERC7007OpmlLib',
  'TestERC7007AcceptAllVerifier',
] as const;
export type ContractName = (typeof contractNames)[number];

export type CompiledContract = { abi: Abi; bytecode: Hex };
export type CompiledContracts = Record<ContractName, CompiledContract>;

// Fixed so that the same sources always give the same bytecode; cancun runs on any current anvil.
const compilerSettings = {
  optimizer: { enabled: true, runs: 200 },
  evmVersion: 'cancun',
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
};

export class CompilationError extends BaseError {
  override name = 'CompilationError';
  constructor(messages: string[]) {
    super(`solc failed:\n${messages.join('\n')}`);
  }
}

export type CompileContractsParameters = {
  /** Where the cache lives; devnet/.build by default. */
  cacheDirectory?: string;
};

export type CompileContractsReturnType = CompiledContracts & {
  /** Whether the output came from the cache rather than from solc. */
  fromCache: boolean;
};

/**
 * Compiles devnet/contracts with solc-js. The output is cached under a hash
 * of the compiler version, settings and sources, because loading solc-js
 * alone takes seconds.
 */
export async function compileContracts({ cacheDirectory = buildDirectory }: CompileContractsParameters = {}): Promise<CompileContractsReturnType> {
  const sources = await readSources();
  const require = createRequire(import.meta.url);
  const solcVersion = (require('solc/package.json') as { version: string }).version;
  // The names are part of the key: a cache written for fewer contracts must not answer for more.
  const key = createHash('sha256').update(JSON.stringify({ solcVersion, compilerSettings, sources, contractNames })).digest('hex').slice(0, 24);
  const cachePath = join(cacheDirectory, `contracts-${key}.json`);

  const cached = await readFile(cachePath, 'utf8').catch(() => undefined);
  if (cached !== undefined) return { ...(JSON.parse(cached) as CompiledContracts), fromCache: true };

  const compiled = runSolc(sources, require);
  await mkdir(cacheDirectory, { recursive: true });
  // Write then rename, so a concurrent run never reads half a file.
  const partialPath = `${cachePath}.${process.pid}.partial`;
  await writeFile(partialPath, JSON.stringify(compiled));
  await rename(partialPath, cachePath);
  return { ...compiled, fromCache: false };
}

async function readSources(): Promise<Record<string, { content: string }>> {
  const files = (await readdir(contractsDirectory)).filter((file) => file.endsWith('.sol')).sort();
  const sources: Record<string, { content: string }> = {};
  for (const file of files) sources[file] = { content: await readFile(join(contractsDirectory, file), 'utf8') };
  return sources;
}

type SolcOutput = {
  errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
  contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
};

function runSolc(sources: Record<string, { content: string }>, require: NodeRequire): CompiledContracts {
  const solc = require('solc') as { compile(input: string): string };
  const output = JSON.parse(solc.compile(JSON.stringify({ language: 'Solidity', sources, settings: compilerSettings }))) as SolcOutput;
  const errors = (output.errors ?? []).filter((error) => error.severity === 'error');
  if (errors.length > 0) throw new CompilationError(errors.map((error) => error.formattedMessage));

  const compiled = {} as CompiledContracts;
  for (const name of contractNames) {
    const contract = output.contracts?.[`${name}.sol`]?.[name];
    if (!contract) throw new CompilationError([`${name}.sol produced no contract ${name}`]);
    compiled[name] = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
  }
  return compiled;
}
