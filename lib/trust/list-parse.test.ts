import { describe, expect, it } from 'vitest';
import { TrustListError } from './errors';
import { parseTrustList } from './list-parse';

const signer = '0x00000000000000000000000000000000000000a1';
const good = { name: 'Press Council', updated: '2026-12-01T09:00:00Z', attesters: [{ address: signer, label: 'Example Newsroom', url: 'https://news.example/about' }] };

describe('parseTrustList', () => {
  it('reads a list from JSON text, missing contract sections empty', () => {
    const parsed = parseTrustList(JSON.stringify(good));
    expect(parsed).toEqual({ ok: true, list: { ...good, opengradient: {}, eas: {}, erc7007: {} } });
  });

  it.each([
    [{ ...good, name: undefined }, 'Not a trust list: name is required'],
    [{ ...good, updated: 'yesterday' }, 'Not a trust list: updated must be an ISO 8601 date and time, such as "2026-12-01T09:00:00Z"'],
    [{ ...good, attesters: [good.attesters[0], { address: '0x12', label: 'X' }] }, 'Not a trust list: attesters.1.address must be a 0x address'],
    [{ ...good, attesters: [{ ...good.attesters[0], url: 'javascript:alert(1)' }] }, 'Not a trust list: attesters.0.url must be an https URL'],
    [{ ...good, eas: { '10': { eas: signer } } }, 'Not a trust list: eas.10.schemaRegistry is required'],
    [[good], 'Not a trust list: the document must be an object, not a list'],
  ])('refuses a bad list, naming the field (%#)', (input, message) => {
    const parsed = parseTrustList(input);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error).toBeInstanceOf(TrustListError);
    expect(parsed.error.shortMessage.startsWith(message)).toBe(true);
  });

  it('says when the text is no JSON', () => {
    const parsed = parseTrustList('<html>');
    expect(!parsed.ok && parsed.error.shortMessage).toMatch(/^Not a trust list: the document is not valid JSON/);
  });
});
