import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxScriptBytes } from '../envelope/limits';
import { imageShareLinkReason, proofOnly, readShareFragment, readShareLink } from './read-share-link';
import { maxShareFragmentLength, shareFragment, shareLink } from './share-link';
import { sharedProofExample as shared } from '../../test/shared-proof-example';
import type { SharedProof } from './types';

function encodedFragment(value: unknown, version = 'v1'): string {
  return `#share=${version}.${Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')}`;
}

describe('readShareFragment', () => {
  it('reads what shareFragment wrote, with or without the #', () => {
    const fragment = shareFragment(shared);
    expect(readShareFragment(fragment)).toEqual({ ok: true, shared });
    expect(readShareFragment(fragment.slice(1))).toEqual({ ok: true, shared });
  });

  it('keeps the optional fields of a proof', () => {
    const problem: SharedProof = {
      proof: { ...shared.proof, problem: { kind: 'unreadable', reason: 'too large' }, shownTextComplete: false },
    };
    expect(readShareFragment(shareFragment(problem))).toEqual({ ok: true, shared: problem });
  });

  it('reads a percent-encoded fragment', () => {
    expect(readShareFragment(shareFragment(shared).replace('=', '%3D'))).toEqual({ ok: true, shared });
  });

  it('says when a fragment is no share link', () => {
    for (const hash of ['', '#', '#top', '#ai-proof:v1:abc', '#shared=v1.abc', '#%E0%A4%A']) {
      expect(readShareFragment(hash), hash).toEqual({ ok: false, reason: 'not a Verity share link' });
    }
  });

  it('names a version it does not read', () => {
    expect(readShareFragment(encodedFragment(shared, 'v2'))).toEqual({ ok: false, reason: 'unsupported share link version v2' });
    expect(readShareFragment('#share=v10')).toEqual({ ok: false, reason: 'unsupported share link version v10' });
  });

  it('says what is damaged', () => {
    const cases: [string, string][] = [
      ['#share=', 'damaged: it has no version (v1.)'],
      ['#share=1.abc', 'damaged: it has no version (v1.)'],
      ['#share=v1.', 'damaged: it carries nothing after v1.'],
      ['#share=v1.a', 'damaged: it is not base64url of UTF-8 text (cut short or edited?)'],
      ['#share=v1.a b', 'damaged: it is not base64url of UTF-8 text (cut short or edited?)'],
      [`#share=v1.${Buffer.from([0xff, 0xfe]).toString('base64url')}`, 'damaged: it is not base64url of UTF-8 text (cut short or edited?)'],
      [shareFragment(shared).slice(0, -7), 'damaged: it does not decode to JSON (cut short or edited?)'],
      [encodedFragment([1, 2]), 'damaged: link: Invalid input: expected object, received array'],
    ];
    for (const [hash, reason] of cases) expect(readShareFragment(hash), hash).toEqual({ ok: false, reason });
  });

  it('validates every field', () => {
    const withProof = (proof: object, extra: object = {}) => encodedFragment({ ...shared, ...extra, proof: { ...shared.proof, ...proof } });
    const reasonOf = (hash: string) => {
      const read = readShareFragment(hash);
      return read.ok ? 'ok' : read.reason;
    };
    expect(reasonOf(withProof({ form: 'meta' }))).toMatch(/^damaged: proof\.form: /);
    expect(reasonOf(withProof({ raw: 42 }))).toMatch(/^damaged: proof\.raw: /);
    expect(reasonOf(withProof({ raw: 'é'.repeat(maxScriptBytes / 2 + 1) }))).toBe(`damaged: proof.raw: must be at most ${maxScriptBytes} bytes`);
    expect(reasonOf(withProof({ shownText: undefined }))).toMatch(/^damaged: proof\.shownText: /);
    expect(reasonOf(withProof({ shownTextComplete: true }))).toMatch(/^damaged: proof\.shownTextComplete: /);
    expect(reasonOf(withProof({ problem: { kind: 'other', reason: '' } }))).toMatch(/^damaged: proof\.problem\.kind: /);
    expect(reasonOf(withProof({}, { pageUrl: 'javascript:alert(1)' }))).toBe('damaged: pageUrl: must be an http(s) URL');
    expect(reasonOf(withProof({}, { pageUrl: 'file:///etc/passwd' }))).toBe('damaged: pageUrl: must be an http(s) URL');
    expect(reasonOf(withProof({}, { pageUrl: 'http://localhost:8080/a' }))).toBe('ok');
  });

  it('drops fields it does not know, so nothing unchecked passes through', () => {
    const read = readShareFragment(encodedFragment({ ...shared, verdict: 'verified', proof: { ...shared.proof, id: 'p1' } }));
    expect(read).toEqual({ ok: true, shared });
  });

  it('refuses an over-long fragment before decoding it', () => {
    expect(readShareFragment(`#share=v1.${'A'.repeat(maxShareFragmentLength)}`)).toEqual({
      ok: false,
      reason: `damaged: it is longer than ${maxShareFragmentLength} characters`,
    });
  });

  it('round-trips any proof', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 200 });
    const proof = fc.record(
      {
        form: fc.constantFrom('attribute' as const, 'script' as const, 'text' as const),
        raw: fc.string({ unit: 'binary', maxLength: 300 }),
        shownText: text,
        renderedText: text,
        problem: fc.record({ kind: fc.constantFrom('unreadable' as const, 'unplaced' as const), reason: fc.string({ maxLength: 50 }) }),
        shownTextComplete: fc.constant(false as const),
      },
      { requiredKeys: ['form', 'raw', 'shownText', 'renderedText'] },
    );
    const sharedProof = fc.record({ proof, pageUrl: fc.webUrl() }, { requiredKeys: ['proof'] });
    fc.assert(
      fc.property(sharedProof, (value) => {
        expect(readShareFragment(shareFragment(value))).toEqual({ ok: true, shared: value });
      }),
    );
  });

  it('never throws, whatever the fragment', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string().map((tail) => `#share=v1.${tail}`), fc.base64String().map((tail) => `share=v1.${tail}`)), (hash) => {
        const read = readShareFragment(hash);
        expect(read.ok || read.reason.length > 0).toBe(true);
      }),
    );
  });
});

describe('readShareLink', () => {
  const fragment = () => shareFragment(shared);

  it('reads an inspector link from any extension origin', () => {
    for (const origin of ['chrome-extension://abcdefghijklmnopabcdefghijklmnop', 'moz-extension://0b6c2a1e-3f1d-4c55-9d0e-7a9f1e2b3c4d']) {
      expect(readShareLink(`  ${origin}/inspector.html${fragment()}\n`), origin).toEqual({ ok: true, shared });
    }
  });

  it("reads a link to a verifier page at any address, as citations and the inspector's Copy share link make them", () => {
    for (const base of ['https://verity.example/verify/', 'https://verify.example.org/v/index.html?lang=en']) {
      expect(readShareLink(shareLink(base, shared)), base).toEqual({ ok: true, shared });
    }
  });

  it('reads the fragment alone', () => {
    expect(readShareLink(fragment())).toEqual({ ok: true, shared });
    expect(readShareLink(fragment().slice(1))).toEqual({ ok: true, shared });
  });

  it('is not fooled by a fragment inside a sentence or a link without one', () => {
    expect(readShareLink(`see ${fragment()}`)).toEqual({ ok: false, reason: 'not a Verity share link' });
    expect(readShareLink('https://news.example/story#top')).toEqual({ ok: false, reason: 'not a Verity share link' });
    expect(readShareLink('Crews restored power overnight.')).toEqual({ ok: false, reason: 'not a Verity share link' });
  });

  it('passes on what is wrong with a share link', () => {
    expect(readShareLink(`chrome-extension://id/inspector.html${encodedFragment(shared, 'v2')}`)).toEqual({
      ok: false,
      reason: 'unsupported share link version v2',
    });
  });
});

describe('share links to an image', () => {
  const image = { image: { url: 'https://img.example/cat.jpg?size=2' }, pageUrl: 'https://news.example/story' };

  it('carries the image’s address and the page’s, read back as an image', () => {
    const link = shareLink('https://verity.example/verify/', image);
    expect(link.startsWith('https://verity.example/verify/#share=v1.')).toBe(true);
    expect(readShareLink(link)).toEqual({ ok: true, shared: image });
    expect(readShareFragment(shareFragment({ image: { url: 'http://img.example/a.png' } }))).toEqual({ ok: true, shared: { image: { url: 'http://img.example/a.png' } } });
  });

  it('refuses an image address that is not http(s), naming the field', () => {
    expect(readShareFragment(encodedFragment({ image: { url: 'file:///etc/passwd' } }))).toEqual({ ok: false, reason: 'damaged: image.url: must be an http(s) URL' });
    expect(readShareFragment(encodedFragment({ image: {} }))).toMatchObject({ ok: false, reason: expect.stringMatching(/^damaged: image\.url: /) });
  });

  it('gives no proof where only a proof will do, saying the link is an image’s', () => {
    expect(proofOnly(readShareFragment(shareFragment(image)))).toEqual({ ok: false, reason: imageShareLinkReason });
    expect(proofOnly(readShareFragment(shareFragment(shared)))).toEqual({ ok: true, shared });
  });
});
