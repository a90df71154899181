import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeJsonForTerminal, terminalSafe } from './terminal-safe';

/** Every character a terminal or a bidi renderer would act on. */
const unsafe = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

describe('terminalSafe', () => {
  it('writes out ESC, so colour, cursor and OSC 52 clipboard sequences become plain text', () => {
    expect(terminalSafe('\u001b[31mred\u001b[0m')).toBe('\\u{1B}[31mred\\u{1B}[0m');
    expect(terminalSafe('\u001b]52;c;Y3VybCBldmlsLnNo\u0007')).toBe('\\u{1B}]52;c;Y3VybCBldmlsLnNo\\u{7}');
  });

  it('writes out the other C0 controls, DEL and C1 controls (CSI U+009B, OSC U+009D)', () => {
    expect(terminalSafe('a\rb\bc\u0000d\u007fe')).toBe('a\\u{D}b\\u{8}c\\u{0}d\\u{7F}e');
    expect(terminalSafe('\u009b2J\u009d0;title\u009c')).toBe('\\u{9B}2J\\u{9D}0;title\\u{9C}');
  });

  it('writes out bidi embeddings, overrides and isolates', () => {
    expect(terminalSafe('abc\u202Egnp.exe')).toBe('abc\\u{202E}gnp.exe');
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((code) => String.fromCharCode(code)).join('');
    expect(terminalSafe(bidi)).toBe('\\u{202A}\\u{202B}\\u{202C}\\u{202D}\\u{202E}\\u{2066}\\u{2067}\\u{2068}\\u{2069}');
  });

  it('writes out line feeds and tabs unless the layout keeps them', () => {
    expect(terminalSafe('one\ntwo\tthree')).toBe('one\\u{A}two\\u{9}three');
    expect(terminalSafe('one\ntwo\tthree\r\u001b', { keepLayout: true })).toBe('one\ntwo\tthree\\u{D}\\u{1B}');
  });

  it('leaves ordinary text of any script alone', () => {
    const text = 'Le conseil a approuvé — «مرحبا» שלום 日本語 😀 \\u{1B} 100%';
    expect(terminalSafe(text)).toBe(text);
  });

  it('never leaves an unsafe character, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => !unsafe.test(terminalSafe(text)) && !unsafe.test(terminalSafe(text, { keepLayout: true }).replace(/[\n\t]/g, ''))),
    );
  });
});

describe('escapeJsonForTerminal', () => {
  it('escapes DEL, C1 and bidi characters that JSON.stringify leaves raw, and parses back to the same text', () => {
    const text = 'x\u007f\u009b31m\u202Eevil\u2066\u001b[0m';
    const json = escapeJsonForTerminal(JSON.stringify({ text }));
    expect(json).toBe('{"text":"x\\u007f\\u009b31m\\u202eevil\\u2066\\u001b[0m"}');
    expect(json).not.toMatch(unsafe);
    expect(JSON.parse(json)).toEqual({ text });
  });

  it('keeps any value exactly through JSON.parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = escapeJsonForTerminal(JSON.stringify(value, null, 2));
        expect(json.replace(/\n/g, '')).not.toMatch(unsafe);
        expect(JSON.parse(json)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
