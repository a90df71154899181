// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultTrustConfig } from '../../lib/trust/defaults';
import { layerTrustConfig } from '../../lib/trust/layer';
import type { TrustConfig } from '../../lib/trust/schema';
import { click, renderDom, typeInto } from '../../test/ui/dom';
import { DisplaySettingsForm, siteHost } from './DisplaySettingsForm';
import { ImportExport } from './ImportExport';
import { TrustForm } from './TrustForm';
import {
  chainNote,
  checkDraft,
  emptyTrustConfig,
  exportJson,
  importConfig,
  newDraftKey,
  toDraft,
  userLayer,
  type ChainDraft,
  type TrustDraft,
} from './trust-draft';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const relay = '0x7777777777777777777777777777777777777777';
const sampleConfig: TrustConfig = {
  chains: { '31337': { name: 'Local', rpc: ['http://127.0.0.1:8545', 'http://127.0.0.1:8546'], confirmations: 1, explorer: null } },
  opengradient: { '31337': { teeRegistry: '0x5fbdb2315678afecb367f032d93f642f64180aa3', settlementRelays: [relay] } },
  eas: { '31337': { eas: '0xe7f1725e7734ce288f8367e1bb143e90bb3f0512', schemaRegistry: '0x9fe46736679d2d9a65f0992f2272de9f3c7fa6e0' } },
  erc7007: { '31337': ['0xcf7ed3acca5a467e9e704c703e8d87f634fb0fc9'] },
  trustedAttesters: [{ address: '0x5555555555555555555555555555555555555555', label: 'Example Newsroom' }],
};

const newChain = (change: Partial<ChainDraft> = {}): ChainDraft => ({
  key: newDraftKey(),
  chainId: '31337',
  inBase: false,
  connection: { name: 'Local', rpc: ['http://127.0.0.1:8545'], confirmations: '1', explorer: '' },
  opengradient: null,
  eas: null,
  erc7007: null,
  ...change,
});

describe('the trust configuration form model', () => {
  it('turns a configuration into a form and back unchanged', () => {
    const check = checkDraft(toDraft(sampleConfig, emptyTrustConfig));
    expect(check).toEqual({ ok: true, config: sampleConfig });
  });

  it("keeps every chain's notes, and any other field the form does not edit, through export", () => {
    const noted = {
      ...sampleConfig,
      chains: { '31337': { ...sampleConfig.chains['31337']!, note: 'Local devnet' } },
      opengradient: { '31337': { ...sampleConfig.opengradient['31337']!, note: 'Registry deployed by the script', since: 2026 } },
    } as TrustConfig;
    const check = checkDraft(toDraft(noted, emptyTrustConfig));
    expect(check.ok && JSON.parse(exportJson(check.config))).toEqual(noted);
    expect(chainNote(toDraft(noted, emptyTrustConfig).chains[0]!)).toBe('Local devnet');
    expect(chainNote(toDraft(defaultTrustConfig, defaultTrustConfig).chains.find(({ chainId }) => chainId === '10740')!)).toMatch(/^Uncertain/);
  });

  it('round-trips a configuration through export and import', () => {
    const imported = importConfig(exportJson(sampleConfig), emptyTrustConfig, new Set());
    expect(imported).toEqual({ ok: true, config: sampleConfig, keptManaged: 0 });
    const overDefaults = importConfig(exportJson(sampleConfig), defaultTrustConfig, new Set());
    expect(overDefaults.ok && overDefaults.config.chains['31337']).toEqual(sampleConfig.chains['31337']);
    expect(overDefaults.ok && overDefaults.config.chains['1']).toEqual(defaultTrustConfig.chains['1']);
  });

  it('names the field of every problem', () => {
    const draft: TrustDraft = {
      chains: [
        newChain({
          connection: { name: '', rpc: ['http://127.0.0.1:8545', 'localhost:8546'], confirmations: '1', explorer: 'javascript:alert(1)' },
          opengradient: { teeRegistry: '0x12', settlementRelays: [] },
        }),
      ],
      attesters: [{ key: newDraftKey(), address: '0x5555555555555555555555555555555555555555', label: '', inBase: false }],
    };
    const check = checkDraft(draft);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.issues).toEqual(
      expect.arrayContaining([
        { path: 'chains.31337.name', message: 'must not be empty' },
        { path: 'chains.31337.rpc.1', message: 'must be an http(s) URL' },
        { path: 'chains.31337.explorer', message: expect.stringMatching(/http/) },
        { path: 'opengradient.31337.teeRegistry', message: expect.stringMatching(/^must be a 0x address/) },
        { path: 'trustedAttesters.0.label', message: 'must not be empty' },
      ]),
    );
  });

  it('rejects typed confirmations that are not a whole number, and a chain listed twice', () => {
    const check = checkDraft({
      chains: [newChain({ connection: { name: 'Local', rpc: ['http://a.example'], confirmations: 'two', explorer: '' } }), newChain()],
      attesters: [],
    });
    expect(!check.ok && check.issues).toEqual([
      { path: 'chains.31337.confirmations', message: 'must be a whole number' },
      { path: 'chains.31337', message: 'is listed twice; each chain id may appear once' },
    ]);
  });

  it('names every problem at once, not those of one kind first', () => {
    const check = checkDraft({
      chains: [newChain({ connection: { name: '', rpc: ['localhost:8546'], confirmations: 'two', explorer: '' } })],
      attesters: [{ key: newDraftKey(), address: '0x12', label: 'Desk', inBase: false }],
    });
    expect(!check.ok && check.issues.map(({ path }) => path).sort()).toEqual([
      'chains.31337.confirmations',
      'chains.31337.name',
      'chains.31337.rpc.0',
      'trustedAttesters.0.address',
    ]);
    expect(!check.ok && check.issues.find(({ path }) => path === 'chains.31337.confirmations')?.message).toBe('must be a whole number');
  });

  it('rejects a chain id that is not decimal', () => {
    const check = checkDraft({ chains: [newChain({ chainId: '0x7a69' })], attesters: [] });
    expect(!check.ok && check.issues.map((issue) => issue.path)).toContain('chains.0x7a69');
  });
});

describe('userLayer', () => {
  const managed = { chains: { '8453': { rpc: ['https://rpc.newsroom.example/base'] } } };
  const below = layerTrustConfig({ managed });
  const managedPaths = new Set(Object.keys(below.provenance));

  it('holds only what the user changed or added', () => {
    const edited = structuredClone(below.config);
    edited.chains['1']!.confirmations = 12;
    edited.chains['31337'] = sampleConfig.chains['31337']!;
    expect(userLayer(below.config, edited, managedPaths)).toEqual({
      chains: { '1': { confirmations: 12 }, '31337': sampleConfig.chains['31337'] },
    });
    expect(userLayer(below.config, below.config, managedPaths)).toEqual({});
  });

  it("never holds a value the organisation set, and an import keeps the organisation's", () => {
    const edited = structuredClone(below.config);
    edited.chains['8453']!.rpc = ['https://mainnet.base.org'];
    expect(userLayer(below.config, edited, managedPaths)).toEqual({});

    const imported = importConfig(JSON.stringify({ chains: { '8453': { rpc: ['https://mainnet.base.org'], confirmations: 3 } } }), below.config, managedPaths);
    expect(imported.ok && imported.keptManaged).toBe(1);
    expect(imported.ok && imported.config.chains['8453']).toMatchObject({ rpc: ['https://rpc.newsroom.example/base'], confirmations: 3 });
  });
});

describe('importConfig', () => {
  it('names what is wrong with an import', () => {
    expect(importConfig('{"chains": ', defaultTrustConfig, new Set())).toMatchObject({
      ok: false,
      issues: [{ path: '', message: expect.stringMatching(/^is not valid JSON/) }],
    });
    expect(importConfig('{"chains": {"5": {"rpc": ["ftp://x"]}}}', defaultTrustConfig, new Set())).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([{ path: 'chains.5.rpc.0', message: 'must be an http(s) URL' }]),
    });
  });

  it('refuses an import with a setting Verity does not know, beside any other problem', () => {
    const result = importConfig('{"chains": {"1": {"rpcs": ["https://a.example"], "confirmations": 0}}}', defaultTrustConfig, new Set());
    expect(result).toMatchObject({
      ok: false,
      issues: expect.arrayContaining([
        { path: 'chains.1', message: 'has a setting Verity does not know: “rpcs”' },
        { path: 'chains.1.confirmations', message: 'must be at least 1' },
      ]),
    });
  });
});

describe('TrustForm', () => {
  /** The form over the defaults with an organisation's `managed` layer on top. */
  const renderManaged = (managed: unknown) => {
    const below = layerTrustConfig({ managed });
    const view = renderDom(
      <TrustForm
        draft={toDraft(below.config, below.config)}
        onChange={vi.fn()}
        errors={new Map()}
        managedPaths={new Set(Object.keys(below.provenance))}
        testRpc={vi.fn()}
      />,
    );
    cleanup = view.unmount;
    return view;
  };

  it('marks the field of a problem, with the field named in the message', () => {
    const draft: TrustDraft = { chains: [newChain({ connection: { name: 'Local', rpc: ['localhost:8546'], confirmations: '1', explorer: '' } })], attesters: [] };
    const view = renderDom(
      <TrustForm
        draft={draft}
        onChange={vi.fn()}
        errors={new Map([['chains.31337.rpc.0', 'must be an http(s) URL']])}
        managedPaths={new Set()}
        testRpc={vi.fn()}
      />,
    );
    cleanup = view.unmount;
    const input = view.container.querySelector<HTMLInputElement>('#field-chains-31337-rpc-0')!;
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(view.container.querySelector(`#${input.getAttribute('aria-describedby')}`)?.textContent).toBe(
      'RPC URL 1 must be an http(s) URL.',
    );
    expect(view.container.textContent).toContain('1 problem');
  });

  it("shows the organisation's values read-only and marked", () => {
    const view = renderManaged({ chains: { '8453': { rpc: ['https://rpc.newsroom.example/base'] } } });
    const rpc = view.container.querySelector<HTMLInputElement>('#field-chains-8453-rpc-0')!;
    expect(rpc.readOnly).toBe(true);
    expect(rpc.value).toBe('https://rpc.newsroom.example/base');
    expect(rpc.closest('fieldset')?.textContent).toContain('Set by your organisation');
    expect(view.container.querySelector<HTMLInputElement>('#field-chains-8453-name')!.readOnly).toBe(false);
  });

  it('marks a narrow managed field with the lock alone, and a managed empty value as not set', () => {
    const view = renderManaged({ chains: { '8453': { confirmations: 10, explorer: null } } });
    const confirmations = view.container.querySelector<HTMLInputElement>('#field-chains-8453-confirmations')!;
    const mark = confirmations.parentElement!.querySelector('[title="Set by your organisation"]');
    expect(mark?.textContent).toBe('Set by your organisation');
    expect(mark?.querySelector('.sr-only')).not.toBeNull();
    const explorer = view.container.querySelector<HTMLInputElement>('#field-chains-8453-explorer')!;
    expect(explorer.readOnly).toBe(true);
    expect(explorer.value).toBe('');
    expect(explorer.placeholder).toBe('Not set');
  });

  it('tests an RPC against the chain the card is for', async () => {
    const testRpc = vi.fn().mockResolvedValue({ ok: true, blockNumber: '123', latencyMs: 45 });
    const view = renderDom(
      <TrustForm draft={{ chains: [newChain()], attesters: [] }} onChange={vi.fn()} errors={new Map()} managedPaths={new Set()} testRpc={testRpc} />,
    );
    cleanup = view.unmount;
    const button = [...view.container.querySelectorAll('button')].find((each) => each.textContent === 'Test connection')!;
    click(button);
    expect(testRpc).toHaveBeenCalledWith('http://127.0.0.1:8545', 31337);
    await vi.waitFor(() => expect(view.container.textContent).toContain('Connected · block 123 · 45 ms'));
  });

  it('says what a second RPC does to verdicts where RPCs are added', () => {
    const withRpcs = (rpc: string[]) => newChain({ connection: { name: 'Local', rpc, confirmations: '1', explorer: '' } });
    const hintOf = (rpc: string[]) => {
      const view = renderDom(
        <TrustForm draft={{ chains: [withRpcs(rpc)], attesters: [] }} onChange={vi.fn()} errors={new Map()} managedPaths={new Set()} testRpc={vi.fn()} />,
      );
      const hint = view.container.querySelector('#field-chains-31337-rpc-hint')?.textContent;
      view.unmount();
      return hint;
    };
    expect(hintOf(['http://a.example'])).toMatch(/^With one RPC/);
    expect(hintOf(['http://a.example', 'http://b.example'])).toMatch(/must come back the same from both: if either is down or behind, proofs on this chain show “Couldn’t check”/);
    expect(hintOf(['http://a.example', 'http://b.example', 'http://c.example'])).toMatch(/at least two, so one can be down/);
  });
});

describe('ImportExport', () => {
  it('lists the fields an import gets wrong', () => {
    const onImport = vi.fn(() => ({ ok: false as const, issues: [{ path: 'chains.5.rpc.0', message: 'must be an http(s) URL' }] }));
    const view = renderDom(<ImportExport onImport={onImport} exportJson={() => null} download={vi.fn()} />);
    cleanup = view.unmount;
    typeInto(view.container.querySelector('textarea')!, '{"chains": {}}');
    click([...view.container.querySelectorAll('button')].find((each) => each.textContent === 'Import this JSON')!);
    expect(onImport).toHaveBeenCalledWith('{"chains": {}}');
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('Chain 5, RPC URL 1: must be an http(s) URL');
  });

  it('shows what an import would change and replaces nothing until asked', () => {
    const replace = vi.fn(() => ({ note: 'Kept one.' }));
    const onImport = vi.fn(() => ({ ok: true as const, changes: ['Trusts Desk (0x5555…5555)'], replace }));
    const view = renderDom(<ImportExport onImport={onImport} exportJson={() => null} download={vi.fn()} />);
    cleanup = view.unmount;
    const button = (name: string) => [...view.container.querySelectorAll('button')].find((each) => each.textContent === name)!;
    typeInto(view.container.querySelector('textarea')!, '{}');
    click(button('Import this JSON'));
    expect(view.container.querySelector('section')?.textContent).toContain('Importing this would change your settings:Trusts Desk (0x5555…5555)');
    click(button('Keep mine'));
    expect(replace).not.toHaveBeenCalled();
    expect(view.container.querySelector('section')).toBeNull();
    click(button('Import this JSON'));
    click(button('Replace my settings with this'));
    expect(replace).toHaveBeenCalledOnce();
    expect(view.container.querySelector('[role="status"]')?.textContent).toBe('Imported into the form. Review it, then save. Kept one.');
  });

  it('puts the exported configuration in the text box', () => {
    const view = renderDom(<ImportExport onImport={vi.fn()} exportJson={() => exportJson(sampleConfig)} download={vi.fn()} />);
    cleanup = view.unmount;
    click([...view.container.querySelectorAll('button')].find((each) => each.textContent === 'Show as JSON')!);
    expect(JSON.parse(view.container.querySelector('textarea')!.value)).toEqual(sampleConfig);
  });
});

describe('DisplaySettingsForm', () => {
  it('reads a host name from what is typed or pasted', () => {
    expect(siteHost(' News.Example.com ')).toBe('news.example.com');
    expect(siteHost('https://mail.example.com/inbox?x=1')).toBe('mail.example.com');
    expect(siteHost('intranet.local:8080')).toBe('intranet.local');
    expect(siteHost('not a host')).toBeNull();
    expect(siteHost('')).toBeNull();
  });

  it('turns badges off and adds a site at once', () => {
    const onChange = vi.fn();
    const view = renderDom(<DisplaySettingsForm settings={{ showBadges: true, disabledSites: [] }} onChange={onChange} />);
    cleanup = view.unmount;
    click(view.container.querySelector('[role="switch"]')!);
    expect(onChange).toHaveBeenLastCalledWith({ showBadges: false, disabledSites: [] });
    typeInto(view.container.querySelector<HTMLInputElement>('#add-site')!, 'https://www.example.org/page');
    click([...view.container.querySelectorAll('button')].find((each) => each.textContent === 'Turn off here')!);
    expect(onChange).toHaveBeenLastCalledWith({ showBadges: true, disabledSites: ['www.example.org'] });
  });
});
