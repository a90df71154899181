import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevnetClients } from '../../devnet/clients';
import type { StartDevnetReturnType } from '../../devnet/devnet';
import type { ExtensionBrowser } from '../../devnet/extension-browser';
import { heartbeatTee, registerTee } from '../../devnet/registry';
import { servePage, type ServePageReturnType } from '../../devnet/serve-page';
import { gatewayChatCompletion, generateGatewayKey } from '../fakes/og-gateway';
import { badgeStatesIn } from '../badge-states';
import { runVerity } from '../run-verity';
import { allAnswered, screenshot, type DemoSession } from './demo-session';

/**
 * A page built only from what `verity embed` printed, for OpenGradient
 * responses in the gateway's shape, opened in Chromium with the built
 * extension: every proof is badged verified, Markdown shown rendered included,
 * and a Markdown answer whose link the page moved is badged altered.
 */

export function describePublishOg(session: DemoSession): void {
  let devnet: StartDevnetReturnType;
  let browser: ExtensionBrowser;
  let workDir: string;
  let published: ServePageReturnType | undefined;

  async function embed(args: string[]): Promise<string> {
    const { code, stdout, stderr } = await runVerity(['embed', '--from', 'og', ...args]);
    if (code !== 0) throw new Error(`verity embed failed: ${stderr}`);
    return stdout;
  }

  beforeAll(async () => {
    ({ devnet, browser } = session);
    workDir = await mkdtemp(join(tmpdir(), 'verity-publish-e2e-'));
  }, 180_000);

  afterAll(async () => {
    await published?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  describe('a page made with verity embed, in Chromium with the extension', () => {
    it('badges every form verified', async () => {
      const clients = createDevnetClients({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId });
      const tee = generateGatewayKey();
      const registry = { clients, wallet: clients.wallets.deployer, registry: devnet.contracts.teeRegistry };
      await registerTee({ ...registry, publicKey: tee.publicKeyDer });
      await heartbeatTee({ ...registry, teeId: tee.teeId });

      const configPath = join(workDir, 'trust.json');
      await writeFile(configPath, JSON.stringify(devnet.trustConfig));
      const now = Math.floor(Date.now() / 1000);
      const save = async (name: string, content: string) => {
        const path = join(workDir, name);
        await writeFile(path, content);
        return path;
      };
      const plain = await save('plain.json', JSON.stringify(gatewayChatCompletion({ key: tee, content: 'The council approved the harbour budget.\n\nThe vote was 7 to 2.', timestamp: now })));
      const markdown = await save('markdown.json', JSON.stringify(gatewayChatCompletion({ key: tee, content: 'Work starts in **May**, says the *council*.', timestamp: now })));
      const rendered = await save('rendered.html', '<p>Work starts in <strong>May</strong>, says the <em>council</em>.</p>');
      const linked = 'Timetable:\n\n1. Ferries run *hourly*.\n2. See [the timetable](https://example.com/ferries).';
      const linkedResponse = await save('linked.json', JSON.stringify(gatewayChatCompletion({ key: tee, content: linked, timestamp: now })));
      const linkedRendered = await save('linked.html', new MarkdownIt().render(linked));
      const post = await save('post.json', JSON.stringify(gatewayChatCompletion({ key: tee, content: 'Ferries run every hour.', timestamp: now })));
      const common = ['--config', configPath];

      const fragments = [
        await embed([plain, ...common]),
        await embed([plain, ...common, '--form', 'script']),
        await embed([plain, ...common, '--form', 'token']),
        await embed([markdown, ...common, '--markdown', '--rendered', rendered]),
        `<p>Ferries run every hour. ${(await embed([post, ...common, '--form', 'token', '--bare'])).trim()}</p>`,
      ];
      const linkedFragment = await embed([linkedResponse, ...common, '--markdown', '--rendered', linkedRendered]);
      fragments.push(linkedFragment, linkedFragment.replace('https://example.com/ferries', 'https://ferries.example.net/'));
      published = await servePage({
        html: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Published with verity embed</title></head><body><article>\n${fragments.join('\n<hr>\n')}\n</article></body></html>`,
        trustConfig: devnet.trustConfig,
        scenarios: [],
      });

      const page = await browser.context.newPage();
      await page.goto(published.url);
      await allAnswered(page, fragments.length);
      const states = await badgeStatesIn(page);
      await screenshot(page, 'publish-og');
      // The last is the Markdown answer on a page that moved its link.
      expect(states).toEqual(['verified', 'verified', 'verified', 'verified', 'verified', 'verified', 'altered']);
      await page.close();
    });
  });
}
