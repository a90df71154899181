import { describe, expect, it } from 'vitest';
import { alteredOgTee, alteredPageProof, pendingEas, untrustedOffchain, verifiedOgTee, verifiedPageProof } from '../../test/ui/fixtures';
import { readShareLink } from '../share/read-share-link';
import { quoteCitation, type CitedProof, type CitedQuoteCheck } from './quote-citation';

const base = 'https://verify.example.org/verity/';
const { id: _id, ...verifiedInput } = verifiedPageProof;
const verified: CitedProof = { id: 'p1', input: verifiedInput, verdict: verifiedOgTee };
const check: CitedQuoteCheck = {
  quote: 'approved the new cycle lanes on Tuesday',
  pageUrl: 'https://news.example.com/story',
  checkedAt: Date.UTC(2026, 11, 4, 14, 5, 31, 417),
  outcome: 'in-signed-text',
  state: 'verified',
  parts: [{ proofId: 'p1' }],
};

describe('quoteCitation', () => {
  it('quotes the selected words, when and where they were checked, the verdict in words, who vouches and a share link', () => {
    const lines = quoteCitation({ check, proofs: [verified], shareLinkBase: base })!.split('\n');
    expect(lines[0]).toBe('“approved the new cycle lanes on Tuesday”');
    expect(lines[1]).toBe('Source: https://news.example.com/story');
    expect(lines[2]).toBe('Checked with Verity on 4 December 2026, 14:05 UTC: Verified. Part of the signed text.');
    expect(lines[3]).toBe('Vouched for by: the OpenGradient secure enclave 0x3333…3333');
    expect(lines).toContain('The page says (not signed): model “meta-llama/Llama-3.1-70B-Instruct”');
    const link = lines.find((line) => line.startsWith('Check it yourself: '))!.slice('Check it yourself: '.length);
    expect(link.startsWith(`${base}#share=v1.`)).toBe(true);
    expect(readShareLink(link)).toEqual({ ok: true, shared: { proof: verifiedInput, pageUrl: check.pageUrl } });
    expect(lines.at(-1)).toBe('Verity checks who produced a text, not whether what it says is true.');
    // Neither the whole snippet, nor a millisecond, nor a full hash, nor the state's code name.
    const text = lines.join('\n');
    expect(text).not.toContain('construction expected');
    expect(text).not.toMatch(/\.417|0x[0-9a-f]{12}|\(verified\)/i);
  });

  it('names the signer as the trust configuration does, and one who is not trusted as such', () => {
    const eas: CitedProof = { id: 'p2', input: verifiedInput, verdict: pendingEas };
    expect(quoteCitation({ check: { ...check, state: 'pending', parts: [{ proofId: 'p2' }] }, proofs: [eas], shareLinkBase: base })).toContain(
      'Vouched for by: Example Newsroom',
    );
    const untrusted: CitedProof = { id: 'p4', input: verifiedInput, verdict: untrustedOffchain };
    const citation = quoteCitation({ check: { ...check, state: 'untrusted', parts: [{ proofId: 'p4' }] }, proofs: [untrusted], shareLinkBase: base })!;
    expect(citation).toMatch(/^Signed by: the attester 0x[0-9a-f]{4}…[0-9a-f]{4}, whom the checker has not chosen to trust$/m);
  });

  it('says an altered proof is altered, and that no one vouches for words only partly signed', () => {
    const { id: _altered, ...alteredInput } = alteredPageProof;
    const altered: CitedProof = { id: 'p3', input: alteredInput, verdict: alteredOgTee };
    const citation = quoteCitation({
      check: { ...check, outcome: 'partly-signed', state: 'altered', parts: [{ proofId: 'p3' }, { proofId: null }] },
      proofs: [verified, altered],
      shareLinkBase: base,
    })!;
    expect(citation).toContain(': Altered. Only partly signed.');
    expect(citation).toContain('(not confirmed)');
    expect(citation).not.toContain('Verified');
    const unsigned = quoteCitation({ check: { ...check, outcome: 'partly-signed', state: undefined }, proofs: [verified], shareLinkBase: base })!;
    expect(unsigned).toContain('Only partly signed. No one vouches for every one of these words.');
  });

  it('links every proof a quote spans, once each, and leaves out a page address that is no web page', () => {
    const second: CitedProof = { ...verified, id: 'p2' };
    const citation = quoteCitation({
      check: { ...check, pageUrl: 'file:///home/me/story.html', outcome: 'spans-proofs', parts: [{ proofId: 'p1' }, { proofId: 'p2' }, { proofId: 'p1' }] },
      proofs: [verified, second],
      shareLinkBase: base,
    })!;
    expect(citation.match(/#share=v1\./g)).toHaveLength(2);
    expect(citation).not.toContain('file:');
  });

  it('cites nothing when no proof of the page holds any of the words', () => {
    expect(quoteCitation({ check: { ...check, outcome: 'not-signed', state: undefined, parts: [{ proofId: null }] }, proofs: [verified], shareLinkBase: base })).toBeUndefined();
    expect(quoteCitation({ check: { ...check, parts: [{ proofId: 'gone' }] }, proofs: [verified], shareLinkBase: base })).toBeUndefined();
  });

  it('cites nothing for words signed only for another snippet: its link would vouch for other words', () => {
    expect(quoteCitation({ check: { ...check, outcome: 'found-in-other-snippet', state: undefined }, proofs: [verified], shareLinkBase: base })).toBeUndefined();
  });
});
