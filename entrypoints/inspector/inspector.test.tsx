// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../lib/report/schema';
import { shareFragment } from '../../lib/share/share-link';
import { click, renderDom } from '../../test/ui/dom';
import {
  alteredOgTee,
  alteredPageProof,
  mixedTab,
  pendingEas,
  verifiedOgTee,
  verifiedPageProof,
  wordingVerified,
} from '../../test/ui/fixtures';
import { ProofDetailsView } from './InspectorView';
import { SharedProofDetails } from './SharedProofDetails';
import { TabProofsView } from './TabProofsView';
import type { TabImage } from '../../messaging/messages';
import { imageInspectorUrl, inspectorTarget, isShareHash } from './url';

const sendMessage = vi.fn();
vi.mock('wxt/browser', () => ({
  browser: {
    runtime: {
      getURL: (path: string) => `chrome-extension://verity${path}`,
      getManifest: () => ({ version: '1.4.0' }),
      sendMessage: (message: unknown) => sendMessage(message),
    },
  },
}));

let cleanup: (() => void) | undefined;
beforeEach(() => {
  sendMessage.mockReset();
});
afterEach(() => cleanup?.());

const share = { ok: true as const, link: 'https://verify.example.org/v/#share=v1.abc' };
const { id: _id, ...sharedProof } = verifiedPageProof;

/** A one-snippet report as the worker makes it, enough for the exports. */
const snippetReport: Report = {
  format: 'verity-report',
  version: 1,
  generatedAt: '2026-11-24T10:30:00.000Z',
  generator: { name: 'Verity', kind: 'extension', version: '1.4.0' },
  source: { kind: 'page', location: 'https://news.example.com/a', title: 'A story' },
  scope: 'snippet',
  summary: { snippets: 1, counts: { verified: 1 }, confidence: 90, notChecked: 0 },
  chains: [{ chainId: 10740, name: 'OpenGradient devnet', rpcs: ['https://rpc.example'] }],
  snippets: [
    {
      index: 0,
      form: 'attribute',
      state: 'verified',
      confidence: 90,
      proofType: 'og-tee',
      summary: verifiedOgTee.summary,
      checkedAt: '2026-11-24T10:30:00.000Z',
      text: { shown: verifiedPageProof.shownText, signed: null, match: 'shown-is-signed' },
      checks: verifiedOgTee.checks.map(({ id, label, ok, detail }) => ({ id, label, ok, detail })),
      facts: {},
      raw: verifiedPageProof.raw,
      envelope: null,
    },
  ],
};

describe('inspectorTarget', () => {
  it('reads the tab and proof from the address', () => {
    expect(inspectorTarget('?tab=12&proof=p3')).toEqual({ tabId: 12, proofId: 'p3', image: null });
    expect(inspectorTarget('?tab=12')).toEqual({ tabId: 12, proofId: null, image: null });
    expect(inspectorTarget('?tab=x')).toEqual({ tabId: null, proofId: null, image: null });
    expect(inspectorTarget('')).toEqual({ tabId: null, proofId: null, image: null });
  });

  it('reads an image and the page it was seen on from the address imageInspectorUrl makes', () => {
    const url = imageInspectorUrl('https://img.example/a b.jpg?x=1&y=2', 'https://news.example/story');
    expect(url.startsWith('chrome-extension://verity/inspector.html?image=')).toBe(true);
    expect(inspectorTarget(new URL(url).search)).toEqual({ tabId: null, proofId: null, image: { url: 'https://img.example/a b.jpg?x=1&y=2', pageUrl: 'https://news.example/story' } });
    expect(inspectorTarget(new URL(imageInspectorUrl('https://img.example/a.jpg')).search).image).toEqual({ url: 'https://img.example/a.jpg', pageUrl: '' });
  });

  it('tells a share link, even a damaged one, from any other fragment', () => {
    expect(isShareHash('#share=v1.abc')).toBe(true);
    expect(isShareHash('#share=')).toBe(true);
    expect(isShareHash('#share%3Dv1.abc')).toBe(true);
    expect(isShareHash('#checks')).toBe(false);
    expect(isShareHash('')).toBe(false);
  });
});

describe('ProofDetailsView', () => {
  const render = (props: Partial<Parameters<typeof ProofDetailsView>[0]> = {}) => {
    const view = renderDom(
      <ProofDetailsView
        pageUrl="https://news.example.com/a"
        proof={alteredPageProof}
        verdict={alteredOgTee}
        onVerifyAgain={vi.fn()}
        verifying={false}
        share={share}
        {...props}
      />,
    );
    cleanup = view.unmount;
    return view.container;
  };
  const buttonNamed = (container: HTMLElement, name: string) =>
    [...container.querySelectorAll('button')].find((button) => (button.getAttribute('aria-label') ?? button.textContent) === name);

  it('shows the difference between the shown and the signed text when they differ', () => {
    const container = render();
    expect(container.textContent).toContain('The text on the page is not the text that was signed.');
    expect([...container.querySelectorAll('del')].some((element) => element.textContent?.includes('no significant'))).toBe(true);
    expect([...container.querySelectorAll('ins')].some((element) => element.textContent?.includes('a strong'))).toBe(true);
  });

  it('explains a wording match and still shows the difference', () => {
    const container = render({ verdict: wordingVerified });
    expect(container.textContent).toContain('The words match the signed text');
    expect(container.querySelectorAll('del').length).toBeGreaterThan(1);
  });

  it('says a proof without its own signed text was checked against the text as shown, with nothing to compare', () => {
    const container = render({ proof: verifiedPageProof, verdict: verifiedOgTee });
    expect(container.querySelector('#text-heading')?.textContent).toBe('Checked text');
    expect(container.querySelector('section[aria-labelledby="text-heading"]')?.textContent).toContain(
      'no separate signed text, so there is nothing to compare',
    );
    expect(container.querySelector('del, ins')).toBeNull();
  });

  it('puts the failed check first and offers to verify again', () => {
    const container = render();
    expect(container.querySelector('section[aria-labelledby="checks-heading"] li')?.textContent).toContain(
      'Shown text matches signed text',
    );
    expect(buttonNamed(container, 'Verify again')?.disabled).toBe(false);
  });

  it('shows a proof still being checked without a verdict', () => {
    const container = render({ verdict: undefined, proof: verifiedPageProof });
    expect(container.textContent).toContain('still checking this proof');
    expect(container.textContent).toContain('Proof envelope');
    expect(container.textContent).not.toContain('Chain facts');
  });

  it('waits for the report before offering the citation and the exports', () => {
    const container = render();
    expect(buttonNamed(container, 'Copy citation')?.disabled).toBe(true);
    expect(buttonNamed(container, 'Export report as JSON')?.disabled).toBe(true);
    expect(buttonNamed(container, 'Copy share link')?.disabled).toBe(false);
  });

  it('copies the share link, and says why there is none when the proof is too large for one', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const container = render({ report: snippetReport });
    await act(async () => click(buttonNamed(container, 'Copy share link')!));
    expect(writeText).toHaveBeenCalledWith(share.link);
    cleanup?.();

    const tooLarge = render({ share: { ok: false, reason: 'The proof is too large for a share link' } });
    const button = buttonNamed(tooLarge, 'Copy share link')!;
    expect(button.disabled).toBe(true);
    expect(button.title).toBe('The proof is too large for a share link');
  });

  it('says where its links can be opened: anywhere from a hosted verifier page, only with Verity from the placeholder', () => {
    const hosted = render();
    expect(buttonNamed(hosted, 'Copy share link')!.title).toMatch(/anyone can open/);
    expect(hosted.textContent).not.toContain('open only where Verity is installed');
    cleanup?.();

    const placeholder = render({ share: { ok: true, link: 'https://verity.example/verify/#share=v1.abc' }, optionsUrl: 'chrome-extension://verity/options.html' });
    expect(buttonNamed(placeholder, 'Copy share link')!.title).toMatch(/opens where Verity is installed/);
    expect(placeholder.textContent).toContain('The share link and the citation’s link open only where Verity is installed.');
    expect(placeholder.querySelector('a[href="chrome-extension://verity/options.html"]')?.textContent).toBe('“Share links open at” in Verity’s options');
  });

  it('marks a shared proof as verified here, and shows the page it names as text only', () => {
    const container = render({ shared: true, proof: verifiedPageProof, verdict: verifiedOgTee });
    const banner = container.querySelector('section[aria-labelledby="shared-heading"]')!;
    expect(banner.textContent).toContain('Shared with you');
    expect(banner.textContent).toContain('Checked just now by your own Verity against the chain');
    expect(banner.textContent).toContain('Nothing in the link is taken on trust');
    expect(banner.textContent).toContain('The link says it comes from https://news.example.com.');
    expect(banner.querySelector('a')).toBeNull();
    expect(container.querySelector('header')?.textContent).toContain('Shared proof');
    expect(container.querySelector('header')?.textContent).not.toContain('news.example.com');
  });

  it("shows a share link's page as its origin only: no user name, the host in punycode, no bidi trick", () => {
    const pageUrl = 'https://www.bank.example:login@\u0430pple.com/\u202Eexe.pdf?from=verified';
    const container = render({ shared: true, pageUrl, proof: verifiedPageProof, verdict: verifiedOgTee });
    const banner = container.querySelector('section[aria-labelledby="shared-heading"]')!;
    expect(banner.textContent).toContain('The link says it comes from https://xn--pple-43d.com.');
    expect(banner.textContent).not.toMatch(/bank\.example|login|\u0430|\u202E|exe|verified/);
    expect(banner.querySelector('a')).toBeNull();
  });

  it("shows the envelope's model as the page's claim, apart from the verdict's facts, with the exact name left to the envelope", () => {
    const model = `gpt-5\u202E${'x'.repeat(200)}`;
    const container = render({ proof: verifiedPageProof, verdict: { ...verifiedOgTee, facts: { ...verifiedOgTee.facts, model } } });
    const card = container.querySelector('section[aria-labelledby="verdict-heading"]')!;
    expect([...card.querySelectorAll('dt')].map((term) => term.textContent)).not.toContain('Model');
    expect(card.textContent).toContain(`The page says: model “gpt-5\\u{202E}${'x'.repeat(46)}…” (not signed)`);
    expect(card.textContent).not.toContain('\u202E');
  });
});

describe('TabProofsView', () => {
  const noImages = { images: [], unread: 0 };
  const renderTab = ({ tab = mixedTab, images = noImages }: { tab?: typeof mixedTab; images?: { images: TabImage[]; unread: number } } = {}) => {
    const getReport = vi.fn().mockResolvedValue(null);
    const view = renderDom(<TabProofsView tab={tab} proofUrl={(id) => `#${id}`} getReport={getReport} images={images} imageUrl={(url) => `#image=${url}`} />);
    cleanup = view.unmount;
    return { container: view.container, getReport };
  };

  it("exports the page's report", async () => {
    const { container, getReport } = renderTab();
    const group = container.querySelector('[role="group"][aria-label="Export page report"]')!;
    await act(async () => click(group.querySelector('button[aria-label="Export page report as Markdown"]')!));
    expect(getReport).toHaveBeenCalledTimes(1);
    expect(container.querySelector('#tab-images-heading')).toBeNull();
  });

  it("lists the page's images with Content Credentials after its proofs, each leading to its manifest store, and those it could not read", () => {
    const images: TabImage[] = [
      { url: 'https://cdn.example.com/art/harbour.jpg', state: 'verified', ai: true, headline: 'Made with AI — signed by Example Images using Imagine 2' },
      { url: 'https://cdn.example.com/art/edited%E2%80%AE.png', state: 'altered', ai: false, headline: 'The image was changed after it was signed' },
    ];
    const { container } = renderTab({ images: { images, unread: 2 } });
    const section = container.querySelector('section[aria-labelledby="tab-images-heading"]')!;
    expect(section.querySelector('h2')!.textContent).toBe('Images with Content Credentials (2)');
    const links = [...section.querySelectorAll('li a')];
    expect(links.map((link) => link.getAttribute('href'))).toEqual(images.map((image) => `#image=${image.url}`));
    expect(links[0]!.textContent).toBe('AI · VerifiedMade with AI — signed by Example Images using Imagine 2cdn.example.com · harbour.jpg');
    // The file name is the page's choice: its bidi override is written out, never applied.
    expect(links[1]!.textContent).toContain('cdn.example.com · edited\\u{202E}.png');
    expect(section.textContent).toContain('2 images on this page could not be read, so Verity cannot say whether they have Content Credentials.');
  });

  it('offers the report of a page with images but no text proof, and says the page has no text with a proof', () => {
    const images: TabImage[] = [{ url: 'https://cdn.example.com/a.jpg', state: 'untrusted', ai: true, headline: 'Made with AI — signed by someone you do not trust' }];
    const { container } = renderTab({ tab: { ...mixedTab, proofs: [] }, images: { images, unread: 0 } });
    expect(container.textContent).toContain('The page has no text with an AI proof.');
    expect(container.querySelector('[role="group"][aria-label="Export page report"]')).not.toBeNull();
    expect(container.querySelectorAll('section[aria-labelledby="tab-images-heading"] li')).toHaveLength(1);
  });
});

describe('SharedProofDetails', () => {
  /** The worker's answers: this verdict for a proof, an empty configuration for the explorer. */
  const workerAnswering = (verdict: typeof verifiedOgTee) => async (message: { type: string }) =>
    message.type === 'verify-standalone' ? { verdict } : { effective: { chains: {} } };
  const render = async (hash: string) => {
    const view = renderDom(<SharedProofDetails hash={hash} />);
    cleanup = view.unmount;
    await act(async () => undefined);
    return view.container;
  };

  it('verifies the linked proof with this extension and shows it as a page proof is', async () => {
    sendMessage.mockImplementation(workerAnswering(verifiedOgTee));
    const container = await render(shareFragment({ proof: sharedProof, pageUrl: 'https://news.example.com/a' }));
    await vi.waitFor(() => expect(container.querySelector('#verdict-heading')?.textContent).toBe('The proof checks out'));
    expect(sendMessage).toHaveBeenCalledWith({ type: 'verify-standalone', proof: sharedProof, pageUrl: 'https://news.example.com/a' });
    expect(container.textContent).toContain('Shared with you');
    expect(container.textContent).toContain('Chain facts');
    expect(document.title).toBe('Verified · Shared proof · Verity');

    sendMessage.mockImplementation(workerAnswering(pendingEas));
    const verifyAgain = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Verify again')!;
    await act(async () => click(verifyAgain));
    await vi.waitFor(() => expect(container.querySelector('#verdict-heading')?.textContent).toContain('waiting for the chain'));
    expect(sendMessage.mock.calls.filter(([message]) => message.type === 'verify-standalone')).toHaveLength(2);
  });

  it('builds its own report of the shared proof, with the link as its source', async () => {
    sendMessage.mockImplementation(workerAnswering(verifiedOgTee));
    const container = await render(shareFragment({ proof: sharedProof, pageUrl: 'https://news.example.com/a' }));
    await vi.waitFor(() => expect(container.querySelector<HTMLButtonElement>('button[aria-label="Export report as JSON"]')?.disabled).toBe(false));
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const citation = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Copy citation')!;
    await act(async () => click(citation));
    expect(writeText.mock.calls[0]![0]).toContain('news.example.com');
  });

  it('says why a damaged link cannot be opened, and asks nothing of the worker', async () => {
    const fragment = shareFragment({ proof: sharedProof });
    const container = await render(fragment.slice(0, 40));
    expect(container.querySelector('[role="alert"]')?.textContent).toContain("This share link can't be opened");
    expect(container.querySelector('[role="alert"]')?.textContent).toContain('damaged');
    expect(sendMessage).not.toHaveBeenCalled();
  });

  it('says when the worker could not verify, and lets the reader try again', async () => {
    sendMessage.mockRejectedValue(new Error('The worker is not running'));
    const container = await render(shareFragment({ proof: sharedProof }));
    await vi.waitFor(() => expect(container.querySelector('[role="alert"]')?.textContent).toContain('The worker is not running'));
    expect([...container.querySelectorAll('button')].some((button) => button.textContent === 'Try again')).toBe(true);
  });
});
