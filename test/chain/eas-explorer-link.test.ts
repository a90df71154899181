import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonRpcProvider, Wallet } from 'ethers';
import { keccak256, stringToBytes } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { devnetPrivateKeys } from '../../devnet/keys';
import { easSdk } from '../../devnet/producers/eas-sdk';
import { createPastedCheck } from '../../entrypoints/background/paste/pasted-check';
import type { TrustState } from '../../entrypoints/background/verification/trust-state';
import { createChainAccess } from '../../lib/chain/access';
import { decodeLocatedProof } from '../../lib/extract/decode-located';
import { canonicalText } from '../../lib/text/canonical';
import { verifySnippet } from '../../lib/verifiers/verify-snippet';
import type { PastedCheck, SelectionCheck } from '../../messaging/messages';
import { runVerity as verity } from '../run-verity';

/**
 * An off-chain attestation signed with the real EAS SDK for the real EAS
 * contracts on anvil, shared as the explorer shares it (the SDK's
 * createOffchainURL on an easscan host), then pasted into Check pasted and
 * given to `verity verify`: it verifies with its text, and Verity asks for
 * the text rather than verifying it against none.
 */
const { SchemaEncoder } = easSdk;
const text = 'The ferry timetable changes on 1 June: boats every 20 minutes at peak.';

let devnet: StartDevnetReturnType;
let provider: JsonRpcProvider;
let link: string;
let workDir: string;

beforeAll(async () => {
  devnet = await startDevnet();
  provider = new JsonRpcProvider(devnet.rpcUrl, devnet.chainId, { staticNetwork: true });
  const attester = new Wallet(devnetPrivateKeys.trustedAttester, provider);
  const eas = new easSdk.EAS(devnet.contracts.eas);
  eas.connect(attester);
  const offchain = await eas.getOffchain();
  const data = new SchemaEncoder('bytes32 contentHash,string model').encodeData([
    { name: 'contentHash', value: keccak256(stringToBytes(canonicalText(text))), type: 'bytes32' },
    { name: 'model', value: 'sdk-model', type: 'string' },
  ]);
  const sig = await offchain.signOffchainAttestation(
    {
      recipient: '0x0000000000000000000000000000000000000000',
      expirationTime: 0n,
      time: BigInt(Math.floor(Date.now() / 1000)),
      revocable: true,
      schema: devnet.contracts.schemas.content,
      refUID: '0x0000000000000000000000000000000000000000000000000000000000000000',
      data,
    },
    attester,
  );
  expect(offchain.verifyOffchainAttestationSignature(attester.address, sig)).toBe(true);
  link = `https://sepolia.easscan.org${easSdk.createOffchainURL({ sig, signer: attester.address })}`;
  workDir = await mkdtemp(join(tmpdir(), 'verity-eas-link-'));
});

afterAll(async () => {
  provider?.destroy();
  await devnet?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** Check pasted as the worker runs it, over the devnet's real chain. */
function checkPasted(input: string, compareText?: string): Promise<PastedCheck> {
  const trust = devnet.trustConfig;
  const chains = createChainAccess({ trust });
  const state: TrustState = { config: trust, provenance: {}, managed: undefined, user: undefined, stamp: 'devnet' };
  const check = createPastedCheck({
    trust: async () => state,
    createChains: (config) => createChainAccess({ trust: config }),
    verifyStandalone: (proof) => verifySnippet({ decoded: decodeLocatedProof(proof), shownText: proof.shownText, renderedText: proof.renderedText, trust, chains }),
    checkQuote: async () => ({ outcome: 'no-proofs' }) as SelectionCheck,
  });
  return check({ input, ...(compareText !== undefined && { compareText }) });
}

describe('an EAS explorer share link', () => {
  it('verifies when pasted into Check pasted with the text it signs', async () => {
    const checked = await checkPasted(link, text);
    expect(checked).toMatchObject({ kind: 'proofs', input: 'envelope', results: [{ label: 'Envelope (eas-offchain)', verdict: { state: 'verified' } }] });
    const verdict = (checked as Extract<PastedCheck, { kind: 'proofs' }>).results[0]!.verdict;
    expect(verdict.facts).toMatchObject({ signerLabel: 'Devnet Newsroom', model: 'sdk-model' });
  });

  it('is altered with another text, and asks for the text when none is given', async () => {
    expect(await checkPasted(link, `${text} Fares double.`)).toMatchObject({ kind: 'proofs', results: [{ verdict: { state: 'altered' } }] });
    expect(await checkPasted(link)).toMatchObject({ kind: 'problem', input: 'envelope', message: expect.stringMatching(/does not carry the text it signs/) });
  });

  it('verifies as a `verity verify` SOURCE with --text, and asks for the text without it', async () => {
    const configPath = join(workDir, 'trust.json');
    const textPath = join(workDir, 'text.txt');
    await writeFile(configPath, JSON.stringify(devnet.trustConfig));
    await writeFile(textPath, `${text}\n`);

    const verified = await verity(['verify', link, '--config', configPath, '--text', textPath, '--json']);
    expect(verified.code, verified.stderr).toBe(0);
    const report = JSON.parse(verified.stdout) as { source: string; snippets: { state: string; proofType: string; text: string }[] };
    expect(report.source).toBe(link);
    expect(report.snippets).toMatchObject([{ state: 'verified', proofType: 'eas-offchain', text }]);

    const fromStdin = await verity(['verify', link, '--config', configPath, '--text', '-', '--json'], { stdin: 'Another text entirely.' });
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ snippets: [{ state: 'altered' }] });

    const withoutText = await verity(['verify', link, '--config', configPath]);
    expect(withoutText.code).toBe(2);
    expect(withoutText.stderr).toMatch(/carries no text: give the text its attestation signs with --text FILE/);

    const damaged = await verity(['verify', link.slice(0, -10), '--config', configPath, '--text', textPath]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toMatch(/Cannot read the EAS explorer link/);
  });
});
