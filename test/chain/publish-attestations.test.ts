import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider, NonceManager, Wallet } from 'ethers';
import { keccak256, stringToBytes, stringToHex, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevnetClients } from '../../devnet/clients';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { devnetAccounts, devnetPrivateKeys } from '../../devnet/keys';
import { offchainAttestationToJson, offchainFor } from '../../devnet/producers/eas-offchain';
import { easSdk } from '../../devnet/producers/eas-sdk';
import { addAigcData, signAigcProof } from '../../devnet/producers/erc7007';
import { canonicalText } from '../../lib/text/canonical';
import { rpcClient } from './helpers/devnet-state';
import { runVerity as verity } from '../run-verity';

/**
 * What publishers make with `verity embed --from eas|eas-onchain|erc7007`
 * and `verity attest`, from attestations and tokens made by third-party
 * tools (the EAS SDK, the devnet's ERC-7007 contracts), verifies in
 * `verity verify`; bad input is refused naming the field, and nothing is written.
 */
const { EAS, SchemaEncoder, createOffchainURL } = easSdk;
const text = 'The harbour bridge reopens on Monday after six weeks of repairs, the council said.';
const forms = ['attribute', 'script', 'token'] as const;

let devnet: StartDevnetReturnType;
let workDir: string;
let configPath: string;
let textPath: string;
let keyPath: string;
let provider: JsonRpcProvider;
let eas: InstanceType<typeof EAS>;

async function file(name: string, content: string): Promise<string> {
  const path = join(workDir, name);
  await writeFile(path, content);
  return path;
}

/** The states `verity verify` gives a page made of the fragment. */
async function verifiedStates(fragment: string): Promise<string[]> {
  const page = await file(`page-${Math.random().toString(16).slice(2)}.html`, `<!doctype html><html><body>${fragment}</body></html>`);
  const { code, stdout, stderr } = await verity(['verify', page, '--config', configPath, '--json']);
  expect(code, stderr).toBe(0);
  return (JSON.parse(stdout) as { snippets: { state: string }[] }).snippets.map((snippet) => snippet.state);
}

function contentData(signedText: string): string {
  return new SchemaEncoder('bytes32 contentHash,string model').encodeData([
    { name: 'contentHash', value: keccak256(stringToBytes(canonicalText(signedText))), type: 'bytes32' },
    { name: 'model', value: 'sdk-model', type: 'string' },
  ]);
}

beforeAll(async () => {
  devnet = await startDevnet();
  workDir = await mkdtemp(join(tmpdir(), 'verity-publish-'));
  configPath = await file('trust.json', JSON.stringify(devnet.trustConfig));
  textPath = await file('text.txt', `${text}\n`);
  keyPath = await file('attester.key', `${devnetPrivateKeys.trustedAttester}\n`);
  provider = new JsonRpcProvider(devnet.rpcUrl, devnet.chainId, { staticNetwork: true });
  eas = new EAS(devnet.contracts.eas);
  eas.connect(new NonceManager(new Wallet(devnetPrivateKeys.trustedAttester, provider)));
});

afterAll(async () => {
  provider?.destroy();
  await devnet?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const rpc = () => `${devnet.chainId}=${devnet.rpcUrl}`;

describe('verity embed --from eas', () => {
  let signed: Awaited<ReturnType<InstanceType<typeof easSdk.Offchain>['signOffchainAttestation']>>;
  let signer: string;

  beforeAll(async () => {
    const wallet = new Wallet(devnetPrivateKeys.trustedAttester);
    signer = wallet.address;
    signed = await offchainFor({ address: devnet.contracts.eas, version: devnet.contracts.easVersion, chainId: devnet.chainId }).signOffchainAttestation(
      {
        recipient: '0x0000000000000000000000000000000000000000',
        expirationTime: 0n,
        time: BigInt(Math.floor(Date.now() / 1000)),
        revocable: true,
        schema: devnet.contracts.schemas.content,
        refUID: `0x${'00'.repeat(32)}`,
        data: contentData(text),
      },
      wallet,
    );
  });

  it.each(forms)('an SDK-signed attestation in the %s form verifies', async (form) => {
    const attestation = await file('sdk.json', JSON.stringify(offchainAttestationToJson(signed)));
    const made = await verity(['embed', '--from', 'eas', attestation, '--signer', signer, '--text', textPath, '--form', form, '--rpc', rpc(), '--config', configPath]);
    expect(made.code, made.stderr).toBe(0);
    expect(await verifiedStates(made.stdout)).toEqual(['verified']);
  });

  it('reads the explorer export and share link, and Markdown verifies as rendered', async () => {
    const exported = await file('export.json', JSON.stringify({ sig: offchainAttestationToJson(signed), signer }));
    const fromExport = await verity(['embed', '--from', 'eas', exported, '--text', textPath]);
    expect(fromExport.code, fromExport.stderr).toBe(0);
    expect(await verifiedStates(fromExport.stdout)).toEqual(['verified']);

    const link = `https://easscan.org${createOffchainURL({ sig: signed, signer })}`;
    const fromLink = await verity(['embed', '--from', 'eas', link, '--text', textPath, '--form', 'token', '--bare']);
    expect(fromLink.code, fromLink.stderr).toBe(0);
    expect(fromLink.stdout.trim()).toMatch(/^ai-proof:v1:[A-Za-z0-9_-]+$/);
    expect(await verifiedStates(`<p>${text} ${fromLink.stdout.trim()}</p>`)).toEqual(['verified']);
  });

  it('refuses a changed attestation or another text, naming the field, and writes nothing', async () => {
    const tampered = offchainAttestationToJson(signed);
    tampered.message.expirationTime = '1';
    const tamperedPath = await file('tampered.json', JSON.stringify(tampered));
    const out = join(workDir, 'never.html');
    const bad = await verity(['embed', '--from', 'eas', tamperedPath, '--signer', signer, '--text', textPath, '--out', out]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/uid does not hold|signature does not verify/);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);

    const otherText = await file('other.txt', `${text} Tolls double.`);
    const attestation = await file('sdk-ok.json', JSON.stringify(offchainAttestationToJson(signed)));
    const mismatch = await verity(['embed', '--from', 'eas', attestation, '--signer', signer, '--text', otherText]);
    expect(mismatch.code).toBe(1);
    expect(mismatch.stderr).toMatch(/contentHash .* is not that of this text/);
    expect(mismatch.stdout).toBe('');
  });
});

describe('verity embed --from eas-onchain', () => {
  it('an SDK attestation on chain verifies in every form, the short reference included', async () => {
    const tx = await eas.attest({
      schema: devnet.contracts.schemas.content,
      data: { recipient: '0x0000000000000000000000000000000000000000', expirationTime: 0n, revocable: true, data: contentData(text) },
    });
    const uid = (await tx.wait()) as Hex;
    await devnet.mine(2);
    const made = [];
    for (const form of [...forms, 'ref'] as const) {
      const { code, stdout, stderr } = await verity(['embed', '--from', 'eas-onchain', uid, '--chain', String(devnet.chainId), '--text', textPath, '--form', form, '--rpc', rpc(), '--config', configPath]);
      expect(code, `${form}: ${stderr}`).toBe(0);
      made.push(stdout);
    }
    // One page with every form, in order: one verify run instead of four.
    expect(await verifiedStates(made.join('\n'))).toEqual(['verified', 'verified', 'verified', 'verified']);
    const wrongText = await file('wrong.txt', 'Another story.');
    const refused = await verity(['embed', '--from', 'eas-onchain', uid, '--chain', String(devnet.chainId), '--text', wrongText, '--rpc', rpc(), '--config', configPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/fails on chain \(Content matches proof\)/);
  });
});

describe('verity embed --from erc7007', () => {
  it('a token minted on the devnet contract verifies; another text is refused on chain', async () => {
    const clients = createDevnetClients({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId });
    const prompt = 'Write one sentence about the harbour bridge.';
    const aigcData = stringToHex(text);
    const proof = await signAigcProof({ oracle: devnetAccounts().erc7007Oracle, prompt: stringToHex(prompt), aigcData });
    const tokenId = 7_007n;
    const tx = await addAigcData({ clients, wallet: clients.wallets.deployer, contract: devnet.contracts.erc7007, tokenId, prompt: stringToHex(prompt), aigcData, proof });
    await devnet.mine(2);
    const token = ['--chain', String(devnet.chainId), '--contract', devnet.contracts.erc7007, '--token-id', tokenId.toString(), '--prompt', prompt, '--proof', proof];
    const made = [];
    for (const form of forms) {
      const { code, stdout, stderr } = await verity(['embed', '--from', 'erc7007', ...token, '--tx', tx, '--text', textPath, '--form', form, '--rpc', rpc(), '--config', configPath]);
      expect(code, `${form}: ${stderr}`).toBe(0);
      made.push(stdout);
    }
    expect(await verifiedStates(made.join('\n'))).toEqual(['verified', 'verified', 'verified']);
    const otherText = await file('other-7007.txt', 'Another text entirely.');
    const refused = await verity(['embed', '--from', 'erc7007', ...token, '--text', otherText, '--rpc', rpc(), '--config', configPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/fails on chain/);
  });
});

describe('verity attest', () => {
  it('signs an off-chain attestation the SDK accepts and readers verify', async () => {
    const made = await verity(['attest', '--text', textPath, '--chain', String(devnet.chainId), '--model', 'newsroom-llm', '--key-file', keyPath, '--config', configPath, '--encoding', 'json', '--bare']);
    expect(made.code, made.stderr).toBe(0);
    const envelope = JSON.parse(made.stdout) as { proof: { attestation: Parameters<typeof offchainAttestationToJson>[0]; signer: string } };
    expect(envelope.proof.signer).toBe(devnetAccounts().trustedAttester.address);
    const offchain = offchainFor({ address: devnet.contracts.eas, version: devnet.contracts.easVersion, chainId: devnet.chainId });
    expect(offchain.verifyOffchainAttestationSignature(envelope.proof.signer, envelope.proof.attestation)).toBe(true);
    const attribute = made.stdout.trim().replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    expect(await verifiedStates(`<p data-ai-proof="${attribute}">${text}</p>`)).toEqual(['verified']);
  });

  it('--onchain attests with a transaction; the short reference verifies once confirmed', async () => {
    const made = await verity(['attest', '--onchain', '--text', textPath, '--chain', String(devnet.chainId), '--config', configPath, '--form', 'ref'], {
      env: { VERITY_ATTESTER_KEY: devnetPrivateKeys.trustedAttester },
    });
    expect(made.code, made.stderr).toBe(0);
    expect(made.stdout).toMatch(new RegExp(`ai-proof:v1:eas:${devnet.chainId}:0x[0-9a-f]{64}`));
    await devnet.mine(2);
    expect(await verifiedStates(made.stdout)).toEqual(['verified']);
  });

  it('refuses a key on the command line, a chain the RPC does not serve, and a schema not registered until register-schema', async () => {
    const onCommandLine = await verity(['attest', '--text', textPath, '--chain', String(devnet.chainId), '--key', devnetPrivateKeys.trustedAttester]);
    expect(onCommandLine.code).toBe(2);
    expect(onCommandLine.stderr).toMatch(/never given on the command line/);
    const bare = await verity(['attest', '--text', textPath, '--chain', String(devnet.chainId), devnetPrivateKeys.trustedAttester.slice(2)]);
    expect(bare.code).toBe(2);

    // Chain 1's EAS is in the built-in defaults; the RPC serves the devnet.
    const wrongChain = await verity(['attest', '--text', textPath, '--chain', '1', '--rpc', `1=${devnet.rpcUrl}`, '--key-file', keyPath]);
    expect(wrongChain.code).toBe(1);
    expect(wrongChain.stderr).toMatch(new RegExp(`serves chain ${devnet.chainId}, not chain 1`));
    expect(wrongChain.stdout).toBe('');

    // A SchemaRegistry with nothing registered: the real one's code at a new address.
    const call = rpcClient(devnet.rpcUrl);
    const emptyRegistry = '0x00000000000000000000000000000000000e4a51';
    await call('anvil_setCode', [emptyRegistry, await call('eth_getCode', [devnet.contracts.schemaRegistry, 'latest'])]);
    const chain = String(devnet.chainId);
    const config = await file('empty-registry.json', JSON.stringify({ ...devnet.trustConfig, eas: { [chain]: { eas: devnet.contracts.eas, schemaRegistry: emptyRegistry } } }));
    const attest = ['attest', '--text', textPath, '--chain', chain, '--key-file', keyPath, '--config', config];
    const missing = await verity(attest);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/is not registered on the SchemaRegistry .*: register it once with `verity attest register-schema`/);
    expect(missing.stdout).toBe('');

    const registered = await verity(['attest', 'register-schema', '--chain', chain, '--key-file', keyPath, '--config', config]);
    expect(registered.code, registered.stderr).toBe(0);
    expect(registered.stdout).toMatch(/Registered the schema "bytes32 contentHash,string model"/);
    expect((await verity(['attest', 'register-schema', '--chain', chain, '--key-file', keyPath, '--config', config])).stdout).toMatch(/registered already/);
    const after = await verity(attest);
    expect(after.code, after.stderr).toBe(0);
  });
});
