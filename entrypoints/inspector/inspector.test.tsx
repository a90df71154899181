// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderDom } from '../../test/ui/dom';
import { alteredOgTee, alteredPageProof, pendingEas, verifiedOgTee, verifiedPageProof, wordingVerified } from '../../test/ui/fixtures';
import { citationText } from './citation';
import { ProofDetailsView } from './InspectorView';
import { inspectorTarget } from './url';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const checkedAt = new Date('2025-11-24T10:30:00Z');

describe('inspectorTarget', () => {
  it('reads the tab and proof from the address', () => {
    expect(inspectorTarget('?tab=12&proof=p3')).toEqual({ tabId: 12, proofId: 'p3' });
    expect(inspectorTarget('?tab=12')).toEqual({ tabId: 12, proofId: null });
    expect(inspectorTarget('?tab=x')).toEqual({ tabId: null, proofId: null });
    expect(inspectorTarget('')).toEqual({ tabId: null, proofId: null });
  });
});

describe('citationText', () => {
  it('records what was checked, against what, and the outcome', () => {
    const text = citationText('https://news.example.com/a', verifiedPageProof, verifiedOgTee, checkedAt);
    expect(text.split('\n')).toEqual([
      'Checked with Verity on 2025-11-24T10:30:00.000Z',
      'Page: https://news.example.com/a',
      'Verdict: Verified (verified), confidence 90/100',
      'Why: Produced in an attested OpenGradient enclave and settled on chain.',
      'Proof: og-tee on OpenGradient devnet (chain id 10740)',
      `Transaction: ${verifiedOgTee.facts.tx} in block 4821907`,
      `TEE: 0x${'3'.repeat(64)}`,
      'Model: meta-llama/Llama-3.1-70B-Instruct',
      'Checks: 13 passed, 0 failed, 0 not run',
      `Text: "${verifiedPageProof.shownText}"`,
    ]);
  });

  it('names the attester by label and address', () => {
    expect(citationText('https://x.example', verifiedPageProof, pendingEas, checkedAt)).toContain(
      `Attester: Example Newsroom 0x${'5'.repeat(40)}`,
    );
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
        checkedAt={checkedAt}
        {...props}
      />,
    );
    cleanup = view.unmount;
    return view.container;
  };

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

  it('puts the failed check first and offers to verify again', () => {
    const container = render();
    expect(container.querySelector('section[aria-labelledby="checks-heading"] li')?.textContent).toContain(
      'Shown text matches signed text',
    );
    const verify = [...container.querySelectorAll('button')].find((button) => button.textContent === 'Verify again');
    expect(verify?.disabled).toBe(false);
  });

  it('shows a proof still being checked without a verdict', () => {
    const container = render({ verdict: undefined, proof: verifiedPageProof });
    expect(container.textContent).toContain('still checking this proof');
    expect(container.textContent).toContain('Proof envelope');
    expect(container.textContent).not.toContain('Chain facts');
  });
});
