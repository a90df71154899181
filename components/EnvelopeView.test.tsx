// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { renderDom } from '../test/ui/dom';
import { base64UrlToText, decodeEnvelope } from './decode-envelope';
import { EnvelopeView } from './EnvelopeView';

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const envelope = { v: 1, model: 'Café ☕', proof: { type: 'og-settlement', chainId: 10740, tx: `0x${'a'.repeat(64)}` } };
const base64url = Buffer.from(JSON.stringify(envelope)).toString('base64url');

describe('decodeEnvelope', () => {
  it('reads every form of spec §1', () => {
    expect(decodeEnvelope(` ${JSON.stringify(envelope)} `)).toEqual({ ok: true, encoding: 'json', value: envelope });
    expect(decodeEnvelope(base64url)).toEqual({ ok: true, encoding: 'base64url', value: envelope });
    expect(decodeEnvelope(`ai-proof:v1:${base64url}`)).toEqual({ ok: true, encoding: 'token', value: envelope });
    expect(decodeEnvelope(`https://example.com/post#ai-proof:v1:${base64url}`)).toMatchObject({ ok: true, value: envelope });
  });

  it('expands short references into the envelope they stand for', () => {
    const tx = `0x${'b'.repeat(64)}`;
    expect(decodeEnvelope(`ai-proof:v1:og:10740:${tx}`)).toEqual({
      ok: true,
      encoding: 'short reference',
      value: { v: 1, proof: { type: 'og-settlement', chainId: 10740, tx } },
    });
    expect(decodeEnvelope(`ai-proof:v1:eas:8453:${tx}`)).toMatchObject({
      value: { v: 1, proof: { type: 'eas-onchain', chainId: 8453, uid: tx } },
    });
  });

  it('reports what cannot be decoded instead of throwing', () => {
    expect(decodeEnvelope('{"v":1,')).toMatchObject({ ok: false, encoding: 'json' });
    expect(decodeEnvelope('not base64!')).toMatchObject({ ok: false, encoding: 'base64url' });
    expect(() => base64UrlToText(Buffer.from([0xff, 0xfe]).toString('base64url'))).toThrow();
  });
});

describe('EnvelopeView', () => {
  it('shows the decoded envelope as formatted JSON with both copy buttons', () => {
    const { container, unmount } = renderDom(<EnvelopeView raw={base64url} form="attribute" />);
    cleanup = unmount;
    expect(container.querySelector('pre')?.textContent).toBe(JSON.stringify(envelope, null, 2));
    expect([...container.querySelectorAll('button')].map((button) => button.textContent)).toEqual(['Copy JSON', 'Copy as found']);
    expect(container.textContent).toContain('Found in a data-ai-proof attribute, base64url-encoded.');
  });

  it('shows an undecodable envelope exactly as found', () => {
    const { container, unmount } = renderDom(<EnvelopeView raw="%%%" />);
    cleanup = unmount;
    expect(container.textContent).toContain("couldn't be decoded");
    expect(container.querySelector('pre')?.textContent).toBe('%%%');
  });
});
