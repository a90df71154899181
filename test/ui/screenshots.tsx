/**
 * Visual review: renders every page and the design system with the
 * representative verdicts of fixtures.ts into static HTML with the built
 * CSS, and screenshots each with Chromium.
 *
 *   npx wxt build && npx tsx test/ui/screenshots.tsx [name-filter]
 *
 * Writes test-results/ui/NAME.html, NAME.png and NAME-dark.png.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { chromium } from 'playwright-core';
import { CheckList } from '../../components/CheckList';
import { ConfidenceMeter } from '../../components/ConfidenceMeter';
import { EnvelopeView } from '../../components/EnvelopeView';
import { FactsTable } from '../../components/FactsTable';
import { StateBadge } from '../../components/StateBadge';
import { StateCounts } from '../../components/StateCounts';
import { EmptyState, ErrorState, LoadingState } from '../../components/Status';
import { TextDiff } from '../../components/TextDiff';
import { InspectorFrame, ProofDetailsView } from '../../entrypoints/inspector/InspectorView';
import { TabProofsView } from '../../entrypoints/inspector/TabProofsView';
import { OptionsView, type OptionsViewProps } from '../../entrypoints/options/OptionsView';
import { TrustListsSection } from '../../entrypoints/options/TrustListsSection';
import { checkDraft, newDraftKey, toDraft } from '../../entrypoints/options/trust-draft';
import { PopupFrame, PopupView } from '../../entrypoints/popup/PopupView';
import { SelectionCheckView } from '../../components/SelectionCheckView';
import { verdictStates } from '../../lib/verdict/states';
import { layerTrustConfig } from '../../lib/trust/layer';
import {
  alteredOgTee,
  alteredPageProof,
  allVerifiedTab,
  checkingTab,
  emptyTab,
  malformedPageProof,
  malformedVerdict,
  mixedTab,
  pendingEas,
  verifiedOgTee,
  verifiedPageProof,
} from './fixtures';

const root = resolve(import.meta.dirname, '../..');
const outDir = join(root, 'test-results/ui');
const assets = join(root, '.output/chrome-mv3/assets');

const noop = () => undefined;
/** A share link as the inspector offers it; its address does not matter in a screenshot. */
const share = { ok: true, link: 'chrome-extension://verity/inspector.html#share=v1.example' } as const;

type Shot = { name: string; width: number; element: ReactElement };

function popup(name: string, element: ReactElement): Shot {
  return { name: `popup-${name}`, width: 380, element };
}

function optionsShot(): Shot[] {
  const managed = JSON.stringify({
    chains: { '8453': { rpc: ['https://rpc.newsroom.example/base'] } },
    trustedAttesters: [{ address: '0x5555555555555555555555555555555555555555', label: 'Example Newsroom' }],
  });
  const below = layerTrustConfig({ managed });
  const draft = toDraft(below.config, below.config);
  draft.chains.push({
    key: newDraftKey(),
    chainId: '31337',
    inBase: false,
    connection: { name: 'Local devnet', rpc: ['http://127.0.0.1:8545', 'localhost:8546'], confirmations: '1', explorer: '' },
    opengradient: { teeRegistry: '0x12', settlementRelays: [] },
    eas: null,
    erc7007: null,
  });
  draft.attesters.push({ key: newDraftKey(), address: '0x0000000000000000000000000000000000000abc', label: '', inBase: false });
  const check = checkDraft(draft);
  const issues = check.ok ? [] : check.issues;
  const props: OptionsViewProps = {
    display: { settings: { showBadges: true, disabledSites: ['mail.example.com', 'intranet.local'] }, onChange: noop },
    trust: {
      draft,
      onChange: noop,
      errors: new Map(issues.map(({ path, message }) => [path, message])),
      managedPaths: new Set(Object.keys(below.provenance)),
      testRpc: async () => ({ ok: true, blockNumber: '1', latencyMs: 1 }),
    },
    issues,
    hasManaged: true,
    importExport: { onImport: () => ({ ok: true, changes: [], replace: () => ({}) }), exportJson: () => null, download: noop },
    dirty: true,
    save: { status: 'idle' },
    onSave: noop,
    onDiscard: noop,
    onResetToDefaults: noop,
  };
  const council = { name: 'Press Council of Example', updated: '2026-12-01T09:00:00Z', attesters: [], opengradient: {}, eas: {}, erc7007: { '1': [] } };
  const signers = (count: number) => Array.from({ length: count }, (_, index) => ({ address: `0x${String(index + 1).padStart(40, '0')}` as const, label: `Signer ${index + 1}` }));
  const trustLists = (
    <TrustListsSection
      lists={[
        { url: 'https://lists.newsroom.example/verity.json', name: 'Our newsroom' },
        { url: 'https://presscouncil.example/trust-list.json', name: 'Press Council' },
        { url: 'https://labs.example/signers.json', name: 'AI Labs' },
      ]}
      managedUrls={new Set(['https://lists.newsroom.example/verity.json'])}
      copies={{
        'https://lists.newsroom.example/verity.json': { list: { ...council, attesters: signers(4) }, fetchedAt: '2026-12-04T07:10:00Z' },
        'https://presscouncil.example/trust-list.json': {
          list: { ...council, attesters: signers(12), erc7007: { '1': [signers(1)[0]!.address] } },
          fetchedAt: '2026-12-02T07:10:00Z',
          error: 'No answer within 10 s',
          failedAt: '2026-12-04T07:10:00Z',
        },
        'https://labs.example/signers.json': { error: 'Not a trust list: attesters.1.address must be a 0x address', failedAt: '2026-12-04T07:10:00Z' },
      }}
      busy={false}
      onSubscribe={noop}
      onRemove={noop}
      formatTime={(iso) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}
    />
  );
  return [
    { name: 'options', width: 1000, element: <OptionsView {...props} trustLists={trustLists} /> },
    {
      name: 'options-managed-error',
      width: 1000,
      element: (
        <OptionsView
          {...props}
          trust={{ ...props.trust, draft: toDraft(below.config, below.config), errors: new Map() }}
          issues={[]}
          hasManaged={false}
          dirty={false}
          save={{ status: 'saved' }}
          managedError="trustConfig: is not valid JSON (Unexpected token } in JSON at position 41)"
        />
      ),
    },
  ];
}

const shots: Shot[] = [
  {
    name: 'components',
    width: 900,
    element: (
      <div style={{ padding: 32, display: 'grid', gap: 32 }}>
        {(['sm', 'md', 'lg'] as const).map((size) => (
          <div key={size} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8 }}>
            {verdictStates.map((state) => (
              <StateBadge key={state} state={state} size={size} />
            ))}
            <StateBadge state={null} size={size} />
          </div>
        ))}
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(4, 1fr)', gap: 24 }}>
          {([90, 65, 24, 0] as const).map((value, index) => (
            <ConfidenceMeter key={value} value={value} state={(['verified', 'pending', 'untrusted', 'unavailable'] as const)[index]!} />
          ))}
        </div>
        <StateCounts counts={{ verified: 4, pending: 1, altered: 1, unavailable: 2 }} checking={3} />
        <CheckList checks={[...alteredOgTee.checks, ...pendingEas.checks.slice(-1)]} />
        <TextDiff signed={alteredOgTee.text.signed!} shown={alteredOgTee.text.shown} />
        <LoadingState label="Loading the proof…" />
        <ErrorState title="Verity couldn't load this proof">Could not establish connection. Receiving end does not exist.</ErrorState>
        <EmptyState title="No proof chosen">Open the inspector from Verity's popup.</EmptyState>
      </div>
    ),
  },
  popup('mixed', <PopupView tab={mixedTab} inspectorUrl={() => '#'} onReveal={noop} onOpenOptions={noop} reveal={{ id: 'p4', found: false }} />),
  popup('checking', <PopupView tab={checkingTab} inspectorUrl={() => '#'} onReveal={noop} onOpenOptions={noop} />),
  popup('verified', <PopupView tab={allVerifiedTab} inspectorUrl={() => '#'} onReveal={noop} onOpenOptions={noop} />),
  popup('empty', <PopupView tab={emptyTab} inspectorUrl={() => '#'} onReveal={noop} onOpenOptions={noop} />),
  popup(
    'error',
    <PopupFrame onOpenOptions={noop}>
      <div style={{ padding: 16 }}>
        <ErrorState title="Verity couldn't look at this tab" action={<button className="btn-secondary">Try again</button>}>
          Could not establish connection. Receiving end does not exist.
        </ErrorState>
      </div>
    </PopupFrame>,
  ),
  {
    name: 'inspector-verified',
    width: 1100,
    element: (
      <ProofDetailsView
        pageUrl={mixedTab.url}
        proof={verifiedPageProof}
        verdict={verifiedOgTee}
        onVerifyAgain={noop}
        share={share}
        verifying={false}
      />
    ),
  },
  {
    name: 'inspector-altered',
    width: 1100,
    element: (
      <ProofDetailsView
        pageUrl={mixedTab.url}
        proof={alteredPageProof}
        verdict={alteredOgTee}
        explorer="https://explorer.opengradient.ai"
        onVerifyAgain={noop}
        share={share}
        verifying
      />
    ),
  },
  {
    name: 'inspector-pending',
    width: 1100,
    element: (
      <ProofDetailsView
        pageUrl={mixedTab.url}
        proof={{ ...verifiedPageProof, raw: 'ai-proof:v1:eas:8453:0x4444444444444444444444444444444444444444444444444444444444444444', form: 'text' }}
        verdict={pendingEas}
        explorer="https://basescan.org"
        onVerifyAgain={noop}
        share={share}
        verifying={false}
      />
    ),
  },
  {
    name: 'inspector-malformed',
    width: 1100,
    element: (
      <ProofDetailsView
        pageUrl={mixedTab.url}
        proof={malformedPageProof}
        verdict={malformedVerdict}
        onVerifyAgain={noop}
        share={share}
        verifying={false}
        verifyError="No answer to &quot;verify-again&quot;"
      />
    ),
  },
  { name: 'inspector-tab', width: 1100, element: <TabProofsView tab={mixedTab} proofUrl={() => '#'} getReport={() => Promise.resolve(null)} /> },
  {
    name: 'inspector-gone',
    width: 1100,
    element: (
      <InspectorFrame>
        <EmptyState title="This proof is no longer available" action={<a className="link text-sm">See what is on the page now</a>}>
          Verity keeps proofs only while their page is open. The tab may have been closed, reloaded or taken to another page.
        </EmptyState>
      </InspectorFrame>
    ),
  },
  {
    name: 'facts-eas',
    width: 900,
    element: (
      <div style={{ padding: 32 }}>
        <FactsTable facts={pendingEas.facts} explorer="https://basescan.org" />
        <div style={{ marginTop: 32 }}>
          <EnvelopeView raw={malformedPageProof.raw} form="text" />
        </div>
      </div>
    ),
  },
  {
    name: 'selection-check-citation',
    width: 380,
    element: (
      <div style={{ padding: 16 }}>
        <SelectionCheckView
          check={{
            pageUrl: 'https://news.example.com/story',
            checkedAt: Date.UTC(2026, 11, 4, 14, 5),
            quote: 'approved the new cycle lanes on Tuesday',
            within: ['p1'],
            outcome: 'in-signed-text',
            parts: [{ text: 'approved the new cycle lanes on Tuesday', proofId: 'p1', match: 'exact', state: 'verified', confidence: 90, excerpt: 'The council approved the new cycle lanes' }],
            state: 'verified',
            confidence: 90,
            summary: 'The proof of this snippet signs the selected text, and that proof checks out.',
            citation: '“approved the new cycle lanes on Tuesday”',
          }}
        />
      </div>
    ),
  },
  ...optionsShot(),
];

async function main() {
  const css = readdirSync(assets, { withFileTypes: true }).find((entry) => entry.name.endsWith('.css'));
  if (!css) throw new Error(`No built CSS in ${assets}: run "npx wxt build" first.`);
  const stylesheet = `file://${join(assets, css.name)}`;
  const filter = process.argv[2];
  mkdirSync(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 2 });
    for (const shot of shots.filter((each) => !filter || each.name.includes(filter))) {
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="${stylesheet}"></head><body${shot.width === 380 ? ' style="width:380px"' : ''}>${renderToStaticMarkup(shot.element)}</body></html>`;
      const file = join(outDir, `${shot.name}.html`);
      writeFileSync(file, html);
      await page.setViewportSize({ width: shot.width, height: 600 });
      await page.goto(`file://${file}`);
      // Each page in the light and the dark colour scheme.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const name = colorScheme === 'light' ? shot.name : `${shot.name}-dark`;
        await page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true });
        console.log(`test-results/ui/${name}.png`);
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
