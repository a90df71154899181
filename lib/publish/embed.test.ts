import { describe, expect, it } from 'vitest';
import { findProofs } from '../extract/find-proofs';
import { parseHtml } from '../extract/parse-html';
import { embedProof, shortReference } from './embed';
import { checkEnvelope, type PublishEnvelope } from './envelope';
import { EmbeddingFormError } from './publish-errors';

const hash = (byte: string) => `0x${byte.repeat(32)}`;
const signature = 'c2lnbmF0dXJl';

function ogTee(extra: Partial<PublishEnvelope> = {}, settlement?: object): PublishEnvelope {
  return checkEnvelope({
    v: 1,
    proof: {
      type: 'og-tee',
      chainId: 31337,
      registry: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      teeId: hash('11'),
      inputHash: hash('22'),
      outputHash: hash('33'),
      timestamp: 1_780_000_000,
      signature,
      ...(settlement && { settlement }),
    },
    ...extra,
  });
}

/** What a reader's verifier finds in the fragment: the same finder as the extension and the CLI. */
function found(html: string) {
  return findProofs(parseHtml(`<!doctype html><html><body>${html}</body></html>`)).snippets;
}

describe('embedProof', () => {
  const hostile = 'Tom said </script><script>alert(1)</script> & "left" \'early\'\n\nThen <b>more</b>.';

  it.each(['attribute', 'script', 'token'] as const)('%s form: a reader finds the same envelope and sees the signed text', (form) => {
    const envelope = ogTee({ text: hostile, model: 'm' });
    const snippets = found(embedProof({ envelope, form, output: 'html' }));
    expect(snippets).toHaveLength(1);
    const [snippet] = snippets;
    expect(snippet!.decoded).toMatchObject({ ok: true, envelope: { text: hostile, model: 'm', proof: { outputHash: hash('33') } } });
    expect(snippet!.shownText).toBe('Tom said </script><script>alert(1)</script> & "left" \'early\' Then <b>more</b>.');
  });

  it('attribute form in JSON: quotes and markup escaped for the attribute', () => {
    const envelope = ogTee({ text: hostile });
    const html = embedProof({ envelope, form: 'attribute', output: 'html', attributeEncoding: 'json' });
    expect(html).toMatch(/^<div data-ai-proof="\{&quot;v&quot;:1,/);
    expect(found(html)[0]!.decoded).toMatchObject({ ok: true, envelope: { text: hostile } });
  });

  it('script form: nothing in the envelope can close the script; a given target leaves only the script', () => {
    const envelope = ogTee({ text: hostile });
    const bare = embedProof({ envelope, form: 'script', output: 'bare' });
    expect(bare).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(bare)).toEqual({ ...envelope, target: expect.stringMatching(/^#ai-proof-[0-9a-f]{12}$/) });

    const script = embedProof({ envelope, form: 'script', output: 'html', target: '.article > p:first-child' });
    expect(script.startsWith('<script type="application/ai-proof+json">')).toBe(true);
    const snippets = found(`<div class="article"><p>${'Tom said'}</p></div>${script}`);
    expect(snippets).toHaveLength(1);
    expect(snippets[0]!.decoded).toMatchObject({ ok: true, envelope: { target: '.article > p:first-child' } });
    expect(() => embedProof({ envelope, form: 'script', output: 'html', id: '1 bad' })).toThrow(expect.objectContaining({ field: 'id' }));
  });

  it('shows the HTML the publisher renders, for Markdown; else a placeholder to fill', () => {
    const envelope = ogTee({ text: 'The **budget** passed.', format: 'markdown' });
    expect(embedProof({ envelope, form: 'attribute', output: 'html' })).toContain('<!-- ai-proof: put the HTML your site renders from this Markdown here -->');
    const html = embedProof({ envelope, form: 'attribute', output: 'html', shown: { html: '<p>The <strong>budget</strong> passed.</p>' } });
    const [snippet] = found(html);
    expect(snippet!.shownText).toBe('The budget passed.');
  });

  it('token form bare is the token a plain-text post carries', () => {
    const envelope = ogTee();
    const token = embedProof({ envelope, form: 'token', output: 'bare' });
    expect(token).toMatch(/^ai-proof:v1:[A-Za-z0-9_-]+$/);
    const [snippet] = found(`<p>The council approved the budget. ${token}</p>`);
    expect(snippet!.decoded).toMatchObject({ ok: true });
    expect(snippet!.shownText).toBe('The council approved the budget.');
  });
});

describe('shortReference', () => {
  const individual = { relay: '0x1111111111111111111111111111111111111111', tx: hash('44') };

  it('is the og reference of an individually settled inference, the eas one of an on-chain attestation', () => {
    expect(shortReference(ogTee({}, individual))).toBe(`ai-proof:v1:og:31337:${hash('44')}`);
    expect(shortReference({ v: 1, proof: { type: 'eas-onchain', chainId: 8453, uid: hash('55') } })).toBe(`ai-proof:v1:eas:8453:${hash('55')}`);
    const [snippet] = found(embedProof({ envelope: ogTee({}, individual), form: 'ref', output: 'html', shown: { text: 'Short answer.' } }));
    expect(snippet!.decoded).toMatchObject({ ok: true, envelope: { proof: { type: 'og-settlement', chainId: 31337, tx: hash('44') } } });
    expect(snippet!.shownText).toBe('Short answer.');
  });

  it('refuses proofs a reference cannot stand for, naming why', () => {
    expect(() => shortReference(ogTee())).toThrow(expect.objectContaining({ field: 'settlement' }));
    expect(() => shortReference(ogTee({}, { ...individual, root: hash('66'), proof: [] }))).toThrow(EmbeddingFormError);
    expect(() => shortReference(ogTee({ text: 'a\nb' }, individual))).toThrow(expect.objectContaining({ field: 'form', message: expect.stringContaining('carries no text') }));
  });
});
