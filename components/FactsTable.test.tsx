// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { pendingEas, settlementTx, verifiedOgTee } from '../test/ui/fixtures';
import { renderDom } from '../test/ui/dom';
import { explorerBaseOf, explorerLink } from './explorer';
import { FactsTable } from './FactsTable';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const links = (container: HTMLElement) => [...container.querySelectorAll('a')].map((link) => link.getAttribute('href'));

describe('explorer links', () => {
  it('follow the configuration convention, with no doubled slash', () => {
    expect(explorerLink('https://basescan.org/', 'tx', '0xab')).toBe('https://basescan.org/tx/0xab');
    expect(explorerLink('https://basescan.org', 'address', '0xcd')).toBe('https://basescan.org/address/0xcd');
  });

  it('are never made from a non-http explorer or a non-hex value', () => {
    expect(explorerLink('javascript:alert(1)', 'tx', '0xab')).toBeNull();
    expect(explorerLink('https://basescan.org', 'tx', '"><script>')).toBeNull();
    expect(explorerLink(null, 'tx', '0xab')).toBeNull();
  });

  it('find the explorer base in the transaction link the worker made', () => {
    expect(explorerBaseOf(`https://explorer.opengradient.ai/tx/${settlementTx}`, settlementTx)).toBe(
      'https://explorer.opengradient.ai',
    );
    expect(explorerBaseOf('https://elsewhere.example/view?id=1', settlementTx)).toBeNull();
  });
});

describe('FactsTable', () => {
  it('links the transaction as the worker did and addresses into the same explorer', () => {
    const { container, unmount } = renderDom(<FactsTable facts={verifiedOgTee.facts} />);
    cleanup = unmount;
    expect(links(container)).toEqual([
      `https://explorer.opengradient.ai/tx/${settlementTx}`,
      'https://explorer.opengradient.ai/address/0x703cb174aeadb35d611858369b4b1111dc9abda6',
      `https://explorer.opengradient.ai/address/0x${'7'.repeat(40)}`,
    ]);
    const text = container.textContent ?? '';
    expect(text).toContain('OpenGradient devnet · id 10740');
    expect(text).toContain('12 (needs 1)');
    expect(text).toContain('https://ogevmdevnet.opengradient.ai');
    expect(text).toContain('5b1f0e9ad3c4427e8a61f0d2b9c37e14a85d2f6c0b7e3a91d4c8f2e6a0b5d7c3');
    expect(text).toContain('Path (3 hashes)');
  });

  it("uses the chain's configured explorer for attesters, and shows decoded schema fields", () => {
    const { container, unmount } = renderDom(<FactsTable facts={pendingEas.facts} explorer="https://basescan.org" />);
    cleanup = unmount;
    expect(links(container)).toContain(`https://basescan.org/address/0x${'5'.repeat(40)}`);
    expect(links(container)).toContain(`https://basescan.org/tx/0x${'e'.repeat(64)}`);
    const rows = [...container.querySelectorAll('tbody tr')].map((row) => row.textContent);
    expect(rows).toEqual([`contentHashbytes320x${'8'.repeat(64)}`, 'modelstringgpt-4.1', 'publisherstringExample Newsroom']);
    expect(container.textContent).toContain('Example Newsroom');
  });

  it('links the page about a signer that its trust list gives, saying whose word it is, and only an https page', () => {
    const listed = { ...pendingEas.facts, signerLabel: 'Example Newsroom', signerList: 'Press Council', signerPage: 'https://presscouncil.example/members/1' };
    const { container, unmount } = renderDom(<FactsTable facts={listed} />);
    cleanup = unmount;
    const link = [...container.querySelectorAll('a')].find((anchor) => anchor.href === 'https://presscouncil.example/members/1');
    expect(link?.textContent).toBe('https://presscouncil.example');
    expect(link?.rel).toBe('noreferrer noopener');
    expect(link?.parentElement?.textContent).toContain('According to the list “Press Council”'.slice(1));
    unmount();
    const unsafe = renderDom(<FactsTable facts={{ ...listed, signerPage: 'javascript:alert(1)' }} />);
    cleanup = unsafe.unmount;
    expect(links(unsafe.container).some((href) => href?.startsWith('javascript'))).toBe(false);
    expect(unsafe.container.textContent).not.toContain('About this signer');
  });

  it("shows the envelope's model only as the page's claim, apart from the signed facts, display-safe and cut", () => {
    const model = `gpt\u202Eevil${'x'.repeat(200)}`;
    const { container, unmount } = renderDom(<FactsTable facts={{ ...verifiedOgTee.facts, model }} />);
    cleanup = unmount;
    const claims = container.querySelector('section[aria-label="Not signed: what the page claims"]');
    expect(claims?.querySelector('dt')?.textContent).toBe('The page says');
    expect(claims?.querySelector('dd')?.textContent).toBe(`model “gpt\\u{202E}evil${'x'.repeat(44)}…”`);
    expect(container.querySelector('section[aria-label="Origin"]')?.textContent).not.toContain('gpt');
    expect(container.textContent).not.toContain('\u202E');
  });

  it("shows an attested model as the attester's claim, beside the attestation", () => {
    const { container, unmount } = renderDom(<FactsTable facts={{ ...pendingEas.facts, model: 'gpt-4.1' }} />);
    cleanup = unmount;
    const attestation = container.querySelector('section[aria-label="Attestation"]');
    expect(attestation?.textContent).toContain('The attester saysmodel “gpt-4.1”');
    expect(container.querySelector('section[aria-label="Not signed: what the page claims"]')).toBeNull();
  });

  it('shows hashes without links when there is no explorer', () => {
    const { container, unmount } = renderDom(<FactsTable facts={{ ...pendingEas.facts, explorerUrl: undefined }} />);
    cleanup = unmount;
    expect(container.querySelectorAll('a')).toHaveLength(0);
    expect(container.textContent).toContain(`0x${'e'.repeat(64)}`);
  });

  it('says so when there are no facts', () => {
    const { container, unmount } = renderDom(<FactsTable facts={{}} />);
    cleanup = unmount;
    expect(container.textContent).toBe('No chain facts were gathered for this proof.');
  });
});
