import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringToHex, type Hex } from 'viem';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settlementRelayAbi } from '../../lib/abi/settlement-relay';
import { createDevnetClients, waitForSuccess, type DevnetClients } from '../../devnet/clients';
import { startDevnet, type StartDevnetReturnType } from '../../devnet/devnet';
import { heartbeatTee, registerLegacyTee, registerTee } from '../../devnet/registry';
import {
  gatewayChatCompletion,
  gatewayChatStream,
  gatewayTextCompletion,
  gatewayToolCallCompletion,
  generateGatewayKey,
  weatherToolCallsSigned,
  type GatewayKey,
} from '../fakes/og-gateway';
import { runVerity as verity, type RunVerityReturnType } from '../run-verity';

/**
 * `verity embed` as a publisher runs it, from responses in the gateway's
 * exact shape (signed here by the gateway's scheme with a key registered on
 * the devnet's TEERegistry), and `verity verify` reading what it made.
 */
let devnet: StartDevnetReturnType;
let clients: DevnetClients;
let workDir: string;
let configPath: string;
let tee: GatewayKey;
let unregistered: GatewayKey;

let fileCount = 0;
async function saved(content: unknown): Promise<string> {
  const path = join(workDir, `response-${fileCount++}.json`);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

/** `verity embed --from og` against the devnet's configuration: the key is read from its registry. */
async function embed(response: unknown, ...options: string[]): Promise<string> {
  const result = await verity(['embed', '--from', 'og', await saved(response), '--config', configPath, '--chain', String(devnet.chainId), ...options]);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

type VerifiedSnippet = { state: string; proofType: string; text: string; checks: { id: string; ok: boolean | null; detail: string }[] };

async function verifyPage(body: string): Promise<VerifiedSnippet[]> {
  const page = join(workDir, `page-${fileCount++}.html`);
  await writeFile(page, `<!doctype html><html><head><title>Published</title></head><body>\n${body}\n</body></html>`);
  const { code, stdout, stderr } = await verity(['verify', page, '--config', configPath, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as { snippets: VerifiedSnippet[] }).snippets;
}

const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  devnet = await startDevnet();
  clients = createDevnetClients({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId });
  workDir = await mkdtemp(join(tmpdir(), 'verity-publish-'));
  configPath = join(workDir, 'trust.json');
  await writeFile(configPath, JSON.stringify(devnet.trustConfig));
  tee = generateGatewayKey();
  unregistered = generateGatewayKey();
  const registry = { clients, wallet: clients.wallets.deployer, registry: devnet.contracts.teeRegistry };
  await registerTee({ ...registry, publicKey: tee.publicKeyDer });
  await heartbeatTee({ ...registry, teeId: tee.teeId });
});

afterAll(async () => {
  await devnet?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('verity embed --from og, then verity verify', () => {
  it('every form of a chat completion verifies, the signature checked against the registry first', async () => {
    const response = gatewayChatCompletion({ key: tee, content: 'The council approved the budget.\n\nThe vote was 7 to 2.', timestamp: now() });
    const fragments = [
      await embed(response),
      await embed(response, '--encoding', 'json'),
      await embed(response, '--form', 'script'),
      await embed(response, '--form', 'token'),
    ];
    const snippets = await verifyPage(fragments.join('\n'));
    expect(snippets.map((snippet) => [snippet.proofType, snippet.state])).toEqual(Array.from({ length: 4 }, () => ['og-tee', 'verified']));
    for (const snippet of snippets) expect(snippet.text).toBe('The council approved the budget. The vote was 7 to 2.');
  });

  it('a script form pointing at an element the page already has, on the chain the --config file names', async () => {
    const response = gatewayChatCompletion({ key: tee, content: 'Rain is expected by noon.', timestamp: now() });
    // No --chain: the configuration file names one OpenGradient chain, which wins over the built-in defaults' one.
    const { code, stdout: script, stderr } = await verity(['embed', '--from', 'og', await saved(response), '--config', configPath, '--form', 'script', '--target', '#forecast']);
    expect([code, stderr]).toEqual([0, '']);
    expect(script).toContain(`"chainId":${devnet.chainId}`);
    const [snippet] = await verifyPage(`<article><p id="forecast">Rain is expected by noon.</p></article>\n${script}`);
    expect(snippet).toMatchObject({ state: 'verified', text: 'Rain is expected by noon.' });
  });

  it('the string-timestamp form, a text completion, a stream and a tool call verify; the bare token sits in a plain-text post', async () => {
    const chat = gatewayChatCompletion({ key: tee, content: 'Turnout was 61 percent.', timestamp: now() });
    const sdkForm = { ...chat, tee_timestamp: String(chat.tee_timestamp) };
    const stream = gatewayChatStream({ key: tee, chunks: ['Schools ', 'reopen ', 'on Monday.'], timestamp: now() });
    const fragments = [
      await embed(sdkForm),
      await embed(gatewayTextCompletion({ key: tee, content: 'Hello from the newsroom.', timestamp: now() })),
      await embed(stream),
      await embed(gatewayToolCallCompletion({ key: tee, timestamp: now() })),
    ];
    const token = (await embed(gatewayChatCompletion({ key: tee, content: 'Ferries run every hour.', timestamp: now() }), '--form', 'token', '--bare')).trim();
    expect(token).toMatch(/^ai-proof:v1:[A-Za-z0-9_-]+$/);
    fragments.push(`<p>Ferries run every hour. ${token}</p>`);
    const snippets = await verifyPage(fragments.join('\n'));
    expect(snippets.map((snippet) => snippet.state)).toEqual(['verified', 'verified', 'verified', 'verified', 'verified']);
    expect(snippets.map((snippet) => snippet.text)).toEqual([
      'Turnout was 61 percent.',
      'Hello from the newsroom.',
      'Schools reopen on Monday.',
      weatherToolCallsSigned,
      'Ferries run every hour.',
    ]);
  });

  it('Markdown: the envelope carries the source with its format, the page shows the rendering', async () => {
    const response = gatewayChatCompletion({ key: tee, content: 'The **budget** passed, *narrowly*.', timestamp: now() });
    const rendered = join(workDir, 'rendered.html');
    await writeFile(rendered, '<p>The <strong>budget</strong> passed, <em>narrowly</em>.</p>');
    const fragment = await embed(response, '--markdown', '--rendered', rendered);
    const envelope = JSON.parse(Buffer.from(/data-ai-proof="([^"]+)"/.exec(fragment)![1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(envelope).toMatchObject({ format: 'markdown', text: 'The **budget** passed, *narrowly*.' });
    const [snippet] = await verifyPage(fragment);
    expect(snippet).toMatchObject({ state: 'verified', text: 'The budget passed, narrowly.' });
  });

  it('a Markdown answer with a list, code and a link verifies as rendered by markdown-it; a page that moves its link is altered, naming it', async () => {
    const answer = 'Steps:\n\n1. Install with `npm i verity`.\n2. Read [the guide](https://example.com/guide).\n\n> Done in **2 minutes**.';
    const rendered = join(workDir, 'answer.html');
    await writeFile(rendered, new MarkdownIt().render(answer));
    const fragment = await embed(gatewayChatCompletion({ key: tee, content: answer, timestamp: now() }), '--markdown', '--rendered', rendered);
    const [honest] = await verifyPage(fragment);
    expect(honest).toMatchObject({ state: 'verified' });
    expect(honest!.checks.find((check) => check.id === 'shown-links')).toMatchObject({ ok: true });

    const [moved] = await verifyPage(fragment.replace('href="https://example.com/guide"', 'href="https://guide.example.net/"'));
    expect(moved).toMatchObject({ state: 'altered' });
    expect(moved!.checks.find((check) => check.id === 'shown-links')).toMatchObject({
      ok: false,
      detail: 'The page links “the guide” to “https://guide.example.net/”; the signed text points it to “https://example.com/guide”.',
    });
  });

  it('an individual settlement as a short reference and in the envelope; a batch settlement with its Merkle proof', async () => {
    const settled = gatewayChatCompletion({ key: tee, content: 'Bridge repairs finish in May.', timestamp: now() });
    const tx = await clients.wallets.deployer.writeContract({
      address: devnet.contracts.settlementRelay,
      abi: settlementRelayAbi,
      functionName: 'settleIndividual',
      args: [tee.teeId, clients.accounts.deployer.address, `0x${settled.tee_request_hash}`, `0x${settled.tee_output_hash}`, BigInt(settled.tee_timestamp), stringToHex('walrus-publish'), signatureBytes(settled.tee_signature)],
    });
    await waitForSuccess({ clients, hash: tx, what: 'Settling an inference' });

    const batch = ['One.', 'Two.', 'Three.'].map((content, index) => gatewayChatCompletion({ key: tee, content, timestamp: now() + index }));
    const leaves = batch.map((response) => [tee.teeId, `0x${response.tee_request_hash}`, `0x${response.tee_output_hash}`, signatureBytes(response.tee_signature), BigInt(response.tee_timestamp)]);
    const tree = StandardMerkleTree.of(leaves, ['bytes32', 'bytes32', 'bytes32', 'bytes', 'uint256']);
    const batchTx = await clients.wallets.deployer.writeContract({
      address: devnet.contracts.settlementRelay,
      abi: settlementRelayAbi,
      functionName: 'settleBatch',
      args: [tree.root as Hex, BigInt(batch.length), stringToHex('walrus-publish-batch')],
    });
    await waitForSuccess({ clients, hash: batchTx, what: 'Settling a batch' });

    const reference = await embed(settled, '--form', 'ref', '--settlement-tx', tx);
    expect(reference).toContain(`ai-proof:v1:og:${devnet.chainId}:${tx}`);
    const fragments = [
      reference,
      await embed(settled, '--settlement-tx', tx),
      await embed(batch[1], '--settlement-tx', batchTx, '--batch-root', tree.root, ...tree.getProof(1).flatMap((hash) => ['--batch-proof', hash])),
    ];
    await devnet.mine(2);
    const snippets = await verifyPage(fragments.join('\n'));
    expect(snippets.map((snippet) => [snippet.proofType, snippet.state])).toEqual([
      ['og-settlement', 'verified'],
      ['og-tee', 'verified'],
      ['og-tee', 'verified'],
    ]);
    expect(snippets[2]!.checks).toContainEqual(expect.objectContaining({ id: 'merkle-proof', ok: true }));

    const wrongProof = await verity(['embed', '--from', 'og', await saved(batch[0]), '--config', configPath, '--chain', String(devnet.chainId), '--settlement-tx', batchTx, '--batch-root', tree.root, ...tree.getProof(1).flatMap((hash) => ['--batch-proof', hash])]);
    expect(wrongProof.code).toBe(1);
    expect(wrongProof.stderr).toContain('settlement.root');
  });
});

describe('verity embed on a TEERegistry of the interface before 2026-03-10', () => {
  it('reads the key by the older view name, and refuses a TEE that registry does not know (TEENotFound)', async () => {
    const registry = devnet.contracts.legacyTeeRegistry;
    await registerLegacyTee({ clients, wallet: clients.wallets.deployer, registry, publicKey: tee.publicKeyDer });
    const run = async (key: GatewayKey) =>
      verity(['embed', '--from', 'og', await saved(gatewayChatCompletion({ key, content: 'Hello.', timestamp: now() })), '--config', configPath, '--registry', registry, '--bare', '--encoding', 'json']);

    const made = await run(tee);
    expect(made.code).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ proof: { type: 'og-tee', registry, teeId: tee.teeId } });
    // Readers with the devnet's configuration trust the other registry: said, not refused.
    expect(made.stderr).toContain(`trust the TEERegistry ${devnet.contracts.teeRegistry} on chain ${devnet.chainId}, not ${registry}`);

    const unknown = await run(unregistered);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`TEE ${unregistered.teeId} (tee_id) is not registered on the TEERegistry ${registry}`);
  });
});

describe('verity embed refuses, and writes nothing', () => {
  async function refused(response: unknown, ...options: string[]): Promise<RunVerityReturnType> {
    const out = join(workDir, `refused-${fileCount}.html`);
    const result = await verity(['embed', '--from', 'og', await saved(response), '--config', configPath, '--chain', String(devnet.chainId), '--out', out, ...options]);
    expect(result.stdout).toBe('');
    expect((await readdir(workDir)).filter((name) => name.startsWith('refused-') || name.endsWith('.tmp'))).toEqual([]);
    return result;
  }

  it('an output that does not hash to tee_output_hash', async () => {
    const response = gatewayChatCompletion({ key: tee, content: 'The vote was 7 to 2.', timestamp: now() });
    response.choices[0]!.message.content = 'The vote was 9 to 0.';
    const { code, stderr } = await refused(response);
    expect(code).toBe(1);
    expect(stderr).toContain('does not match tee_output_hash');
  });

  it('a signature that does not verify with the key the registry holds', async () => {
    const response = gatewayChatCompletion({ key: tee, content: 'The vote was 7 to 2.', timestamp: now() });
    const { code, stderr } = await refused({ ...response, tee_timestamp: response.tee_timestamp + 60 });
    expect(code).toBe(1);
    expect(stderr).toContain('tee_signature does not verify');
  });

  it('a TEE the registry does not know', async () => {
    const { code, stderr } = await refused(gatewayChatCompletion({ key: unregistered, content: 'Hello.', timestamp: now() }));
    expect(code).toBe(1);
    expect(stderr).toContain(`TEE ${unregistered.teeId} (tee_id) is not registered`);
  });

  it('a missing field, a bare reference of an unsettled proof, and usage errors', async () => {
    const { tee_id: _, ...withoutId } = gatewayChatCompletion({ key: tee, content: 'Hello.', timestamp: now() });
    const missing = await refused(withoutId);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('tee_id is missing');

    const unsettled = await refused(gatewayChatCompletion({ key: tee, content: 'Hello.', timestamp: now() }), '--form', 'ref');
    expect(unsettled.code).toBe(1);
    expect(unsettled.stderr).toContain('A short reference names a settlement transaction');

    const usage = await refused(gatewayChatCompletion({ key: tee, content: 'Hello.', timestamp: now() }), '--form', 'banner');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--form "banner": expected attribute, script, token, ref');
  });
});

function signatureBytes(base64: string): Hex {
  return `0x${Buffer.from(base64, 'base64').toString('hex')}`;
}
