import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringToHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevnetClients } from '../../devnet/clients';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import { devnetAccounts, devnetPrivateKeys } from '../../devnet/keys';
import { encodeContentData } from '../../devnet/producers/eas-data';
import { offchainAttestationToJson, signOffchainAttestation } from '../../devnet/producers/eas-offchain';
import { attest } from '../../devnet/producers/eas-onchain';
import { easSdk } from '../../devnet/producers/eas-sdk';
import { addAigcData, signAigcProof } from '../../devnet/producers/erc7007';
import { servePage, type ServePageReturnType } from '../../devnet/serve-page';
import { badgeStatesPer } from '../badge-states';
import { runVerity } from '../run-verity';
import { allAnswered, screenshot, type DemoSession } from './demo-session';

/**
 * A page built only from what `verity embed --from eas|eas-onchain|erc7007`
 * and `verity attest` printed, for attestations and tokens made by
 * third-party tools (the EAS SDK, the devnet's ERC-7007 contract), opened in
 * Chromium with the built extension: each badged as `verity verify` says,
 * and a fragment whose text the page changed badged altered.
 */
const text = 'The harbour bridge reopens on Monday after six weeks of repairs, the council said.';

export function describePublishAttestations(session: DemoSession): void {
  let devnet: StartDevnetReturnType;
  let browser: ExtensionBrowser;
  let workDir: string;
  let published: ServePageReturnType | undefined;

  async function file(name: string, content: string): Promise<string> {
    const path = join(workDir, name);
    await writeFile(path, content);
    return path;
  }

  /** What the command printed; fails the test with its message when it refused. */
  async function verity(args: string[], env: Record<string, string> = {}): Promise<string> {
    const { code, stdout, stderr } = await runVerity(args, { env });
    expect(code, stderr).toBe(0);
    return stdout;
  }

  beforeAll(async () => {
    ({ devnet, browser } = session);
    workDir = await mkdtemp(join(tmpdir(), 'verity-publish-attestations-e2e-'));
  }, 180_000);

  afterAll(async () => {
    await published?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  describe('a page made with verity embed and verity attest from EAS and ERC-7007, in Chromium with the extension', () => {
    it('badges every fragment as the CLI verifies it, and a changed text altered', async () => {
      const clients = createDevnetClients({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId });
      const chain = String(devnet.chainId);
      const common = ['--config', await file('trust.json', JSON.stringify(devnet.trustConfig)), '--rpc', `${chain}=${devnet.rpcUrl}`];
      const textPath = await file('text.txt', `${text}\n`);
      const keyPath = await file('attester.key', `${devnetPrivateKeys.trustedAttester}\n`);
      const attester = devnetAccounts().trustedAttester.address;
      const data = encodeContentData({ signedText: text, model: 'newsroom-llm' });

      const offchain = await signOffchainAttestation({
        domain: { address: devnet.contracts.eas, version: devnet.contracts.easVersion, chainId: devnet.chainId },
        attesterPrivateKey: devnetPrivateKeys.trustedAttester,
        schema: devnet.contracts.schemas.content,
        data,
        time: BigInt(Math.floor(Date.now() / 1000)),
      });
      const sdkJson = await file('sdk.json', JSON.stringify(offchainAttestationToJson(offchain)));
      const explorerLink = `https://easscan.org${easSdk.createOffchainURL({ sig: offchain, signer: attester })}`;

      const onchainUid = await attest({ clients, wallet: clients.wallets.trustedAttester, eas: devnet.contracts.eas, schema: devnet.contracts.schemas.content, data });

      const prompt = 'Write one sentence about the harbour bridge.';
      const aigcData = stringToHex(text);
      const aigcProof = await signAigcProof({ oracle: devnetAccounts().erc7007Oracle, prompt: stringToHex(prompt), aigcData });
      const tokenId = 7_007n;
      const mintTx = await addAigcData({ clients, wallet: clients.wallets.deployer, contract: devnet.contracts.erc7007, tokenId, prompt: stringToHex(prompt), aigcData, proof: aigcProof });

      const attested = await verity(['attest', '--text', textPath, '--chain', chain, '--model', 'newsroom-llm', '--key-file', keyPath, '--form', 'script', ...common]);
      const attestedOnchain = await verity(['attest', '--onchain', '--text', textPath, '--chain', chain, '--form', 'ref', ...common], { VERITY_ATTESTER_KEY: devnetPrivateKeys.trustedAttester });
      await devnet.mine(2);

      const fromSdk = await verity(['embed', '--from', 'eas', sdkJson, '--signer', attester, '--text', textPath, ...common]);
      const expected = [
        ['EAS off-chain from the SDK, attribute form', fromSdk, 'verified'],
        ['EAS off-chain from an explorer link, text token', `<p>${text} ${(await verity(['embed', '--from', 'eas', explorerLink, '--text', textPath, '--form', 'token', '--bare', ...common])).trim()}</p>`, 'verified'],
        ['EAS on-chain, short reference', await verity(['embed', '--from', 'eas-onchain', onchainUid, '--chain', chain, '--text', textPath, '--form', 'ref', ...common]), 'verified'],
        ['ERC-7007 token, script form', await verity(['embed', '--from', 'erc7007', '--chain', chain, '--contract', devnet.contracts.erc7007, '--token-id', tokenId.toString(), '--prompt', prompt, '--proof', aigcProof, '--tx', mintTx, '--text', textPath, '--form', 'script', ...common]), 'verified'],
        ['verity attest, off-chain, script form', attested, 'verified'],
        ['verity attest --onchain, short reference', attestedOnchain, 'verified'],
        ['the SDK attestation beside words the page changed', fromSdk.replace('six weeks', 'two weeks'), 'altered'],
      ] as const;
      expect(fromSdk).toContain('six weeks');

      published = await servePage({
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Attested with verity</title><style>body { max-width: 44rem; margin: 2rem auto; font: 17px/1.5 Georgia, serif; overflow-wrap: anywhere }</style></head><body><article>\n${expected
          .map(([name, fragment]) => `<section data-case="${name}">\n${fragment}\n</section>`)
          .join('\n<hr>\n')}\n</article></body></html>`,
        trustConfig: devnet.trustConfig,
        scenarios: [],
      });

      const page = await browser.context.newPage();
      await page.goto(published.url);
      await allAnswered(page, expected.length);
      await screenshot(page, 'publish-attestations');
      const cases = await page.evaluate(() => [...document.querySelectorAll('section[data-case]')].map((section) => section.getAttribute('data-case')));
      const badges = await badgeStatesPer(page, 'section[data-case]');
      const states = cases.map((name, index) => [name, badges[index]]);
      expect(states).toEqual(expected.map(([name, , state]) => [name, [state]]));
      await page.close();
    });
  });
}
