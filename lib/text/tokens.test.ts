import { describe, expect, it } from 'vitest';
import { parseToken, removeTokens, scanTokens, tokenInHref } from './tokens';

const hash = `0x${'Ab'.repeat(32)}`;
const body = 'eyJ2IjoxLCJwcm9vZiI6e319';

function tokensOf(text: string) {
  return scanTokens({ text }).tokens;
}

describe('scanTokens: envelope tokens', () => {
  it('reads the body as the run of base64url characters', () => {
    const text = `See ai-proof:v1:${body}. Next`;
    expect(tokensOf(text)).toEqual([{ kind: 'envelope', start: 4, end: 4 + 12 + body.length, text: `ai-proof:v1:${body}`, body }]);
  });

  it('takes up to two = of padding and stops at the third', () => {
    expect(tokensOf('ai-proof:v1:YQ==').map((token) => token.text)).toEqual(['ai-proof:v1:YQ==']);
    expect(tokensOf('ai-proof:v1:YWI=,').map((token) => token.text)).toEqual(['ai-proof:v1:YWI=']);
    expect(tokensOf('ai-proof:v1:YQ===').map((token) => token.text)).toEqual(['ai-proof:v1:YQ==']);
  });

  it('includes - and _ and stops at standard-base64 + and /', () => {
    expect(tokensOf('ai-proof:v1:a-b_c+d/e').map((token) => token.text)).toEqual(['ai-proof:v1:a-b_c']);
  });

  it('ends at whitespace, punctuation, quotes and non-ASCII letters', () => {
    for (const end of [' ', '\n', ')', '"', "'", '<', ',', '\u00a0', 'é', '\u200b']) {
      expect(tokensOf(`(ai-proof:v1:abc${end}def`).map((token) => token.text), JSON.stringify(end)).toEqual(['ai-proof:v1:abc']);
    }
  });

  it('is not a token after a letter, digit, - or _, and needs a body', () => {
    expect(tokensOf(`xai-proof:v1:${body} 1ai-proof:v1:${body} -ai-proof:v1:${body} _ai-proof:v1:${body}`)).toEqual([]);
    expect(tokensOf('the prefix ai-proof:v1: marks a token')).toEqual([]);
    expect(tokensOf(`#ai-proof:v1:${body} :ai-proof:v1:${body} /ai-proof:v1:${body}`)).toHaveLength(3);
  });

  it('is case-sensitive', () => {
    expect(tokensOf(`AI-PROOF:v1:${body} ai-proof:V1:${body} Ai-proof:v1:${body}`)).toEqual([]);
  });
});

describe('scanTokens: short references', () => {
  it('reads og and eas references, ending after the id', () => {
    const og = `ai-proof:v1:og:8453:${hash}`;
    const eas = `ai-proof:v1:eas:1:${hash}`;
    const text = `x ${og}. y ${eas}`;
    expect(tokensOf(text)).toEqual([
      { kind: 'reference', start: 2, end: 2 + og.length, text: og, reference: 'og', chainId: '8453', id: hash },
      { kind: 'reference', start: text.indexOf(eas), end: text.length, text: eas, reference: 'eas', chainId: '1', id: hash },
    ]);
  });

  it('leaves a trailing colon or full stop outside the token', () => {
    expect(tokensOf(`proof: ai-proof:v1:og:1:${hash}: see`)[0]!.text).toBe(`ai-proof:v1:og:1:${hash}`);
  });

  it('keeps malformed references as tokens, so the page is told why', () => {
    expect(tokensOf('ai-proof:v1:og:abc')).toMatchObject([{ kind: 'reference', reference: 'og', chainId: 'abc', id: '' }]);
    expect(tokensOf('ai-proof:v1:eas:')).toMatchObject([{ kind: 'reference', reference: 'eas', chainId: '', id: '' }]);
    expect(tokensOf(`ai-proof:v1:og:1:${hash}ff`)).toMatchObject([{ id: `${hash}ff` }]);
    expect(tokensOf('ai-proof:v1:og:1:0x12:34')).toMatchObject([{ chainId: '1', id: '0x12' }]);
  });

  it('reads other words starting og or eas as bodies', () => {
    expect(tokensOf('ai-proof:v1:ogAB ai-proof:v1:easy')).toMatchObject([
      { kind: 'envelope', body: 'ogAB' },
      { kind: 'envelope', body: 'easy' },
    ]);
  });
});

describe('scanTokens: limits', () => {
  it('returns up to limit tokens and counts them all', () => {
    const text = Array.from({ length: 10 }, (_, index) => `ai-proof:v1:og:${index + 1}:${hash}`).join(' ');
    const { tokens, total } = scanTokens({ text, limit: 3 });
    expect(tokens.map((token) => token.kind === 'reference' && token.chainId)).toEqual(['1', '2', '3']);
    expect(total).toBe(10);
    expect(scanTokens({ text, limit: 0 })).toEqual({ tokens: [], total: 10 });
  });

  it('scans a 5 MB run of fake tokens, counting all and keeping the first 500', () => {
    const text = `ai-proof:v1:${'A'.repeat(64)} `.repeat(70_000);
    const { tokens, total } = scanTokens({ text, limit: 500 });
    expect([tokens.length, total]).toEqual([500, 70_000]);
  });
});

describe('removeTokens', () => {
  it('removes every token and nothing else', () => {
    expect(removeTokens(`a ai-proof:v1:${body} b ai-proof:v1:og:1:${hash}. c xai-proof:v1:zz`)).toBe('a  b . c xai-proof:v1:zz');
    expect(removeTokens('no tokens')).toBe('no tokens');
  });
});

describe('tokenInHref', () => {
  it('reads a token right after #, in any href', () => {
    expect(tokenInHref(`#ai-proof:v1:og:1:${hash}`)).toMatchObject({ reference: 'og', id: hash });
    expect(tokenInHref(`https://example.com/post/1#ai-proof:v1:${body}`)).toMatchObject({ kind: 'envelope', body });
  });

  it('ignores what follows the token', () => {
    expect(tokenInHref(`#ai-proof:v1:eas:1:${hash}&utm=x`)).toMatchObject({ text: `ai-proof:v1:eas:1:${hash}` });
  });

  it('decodes a percent-encoded fragment', () => {
    expect(tokenInHref(`#ai-proof%3Av1%3Aog%3A1%3A${hash}`)).toMatchObject({ reference: 'og', chainId: '1', id: hash });
    expect(tokenInHref('#ai-proof%3Av1%3A%E0%A4%A')).toBeUndefined();
  });

  it('does not read a fragment whose first letters are encoded', () => {
    expect(tokenInHref(`#%61i-proof:v1:og:1:${hash}`)).toBeUndefined();
  });

  it('needs # and a fragment that starts with the token', () => {
    expect(tokenInHref(`https://example.com/ai-proof:v1:${body}`)).toBeUndefined();
    expect(tokenInHref(`#see-ai-proof:v1:${body}`)).toBeUndefined();
    expect(tokenInHref(`#x#ai-proof:v1:${body}`)).toBeUndefined();
    expect(tokenInHref('#ai-proof:v1:')).toBeUndefined();
    expect(tokenInHref('#top')).toBeUndefined();
  });
});

describe('parseToken', () => {
  it('reads a text that is exactly one token', () => {
    expect(parseToken(`ai-proof:v1:${body}`)).toMatchObject({ kind: 'envelope', body, start: 0 });
    expect(parseToken(`ai-proof:v1:eas:1:${hash}`)).toMatchObject({ kind: 'reference', reference: 'eas', chainId: '1', id: hash });
  });

  it('refuses anything more or less than a token', () => {
    expect(parseToken(` ai-proof:v1:${body}`)).toBeUndefined();
    expect(parseToken(`ai-proof:v1:${body} `)).toBeUndefined();
    expect(parseToken(`ai-proof:v1:${body}!`)).toBeUndefined();
    expect(parseToken('ai-proof:v1:')).toBeUndefined();
    expect(parseToken('')).toBeUndefined();
  });
});
