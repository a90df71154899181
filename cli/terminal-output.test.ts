import { describe, expect, it } from 'vitest';
import { reportSchema } from '../lib/report/schema';
import { verifiedOgTee } from '../test/ui/fixtures';
import type { CheckedSnippet } from './format-json';
import { formatJson } from './format-json';
import { formatReport } from './format-report';
import { formatTable } from './format-table';

/** What a hostile page can put in its text and its proof: OSC 52 (write the clipboard), CSI (clear the screen), C1 CSI, a bidi override. */
const hostile = 'Read\u001b]52;c;Y3VybCBldmlsLnNo\u0007 me\r\n\u001b[2J\u009b2J \u202Egnp.exe\u2066';
const snippet: CheckedSnippet = {
  index: 0,
  form: 'attribute',
  raw: JSON.stringify({ v: 1, text: hostile }),
  verdict: { ...verifiedOgTee, summary: `Attested by ${hostile}`, text: { shown: hostile, signed: hostile, match: 'shown-is-signed' } },
  checkedAt: new Date('2026-11-24T21:30:16.000Z'),
};
const source = 'https://x.example/\u001b[31m';
const unsafe = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/u;

describe('CLI output of text from the page', () => {
  it('the table writes out every control and bidi character, keeping its own colours only', () => {
    const table = formatTable({ source, snippets: [snippet], notChecked: 0, color: true, width: 400 });
    const escape = String.fromCharCode(0x1b);
    const withoutOwnColours = ['1', '32', '2', '0'].reduce((text, code) => text.replaceAll(`${escape}[${code}m`, ''), table);
    expect(withoutOwnColours.replace(/\n/g, '')).not.toMatch(unsafe);
    expect(table).toContain('Verity · https://x.example/\\u{1B}[31m · 1 proof');
    expect(table).toContain('“Read\\u{1B}]52;c;Y3VybCBldmlsLnNo\\u{7} me\\u{D}\\u{A}\\u{1B}[2J\\u{9B}2J \\u{202E}gnp.exe\\u{2066}”');
    expect(table).toContain('Attested by Read\\u{1B}]52;c;');
    // One row and one summary line a snippet: a line feed in the text does not start a new line.
    expect(table.split('\n')).toHaveLength(6);
  });

  it('the table cuts the written-out text to the width', () => {
    const table = formatTable({ source: 'page.html', snippets: [snippet], notChecked: 0, color: false, width: 64 });
    const row = table.split('\n')[2]!;
    expect(row.endsWith('  “Read\\u{1B}]52;c;Y…”')).toBe(true);
  });

  it('--json keeps the exact text, with DEL, C1 and bidi characters as \\u escapes', () => {
    const json = formatJson({ source, snippets: [snippet], notChecked: 0 });
    expect(json.replace(/\n/g, '')).not.toMatch(unsafe);
    expect(json).toContain('\\u009b2J \\u202egnp.exe\\u2066');
    const parsed = JSON.parse(json) as { source: string; snippets: { text: string; summary: string }[] };
    expect(parsed.source).toBe(source);
    expect(parsed.snippets[0]).toMatchObject({ text: hostile, summary: `Attested by ${hostile}` });
  });

  it('--report json keeps the exact text; --report md writes it out', () => {
    const parameters = { source, version: '0.1.0', snippets: [snippet], notChecked: 0, generatedAt: new Date('2026-11-24T21:31:00.000Z') };
    const json = formatReport({ ...parameters, format: 'json' });
    expect(json.replace(/\n/g, '')).not.toMatch(unsafe);
    expect(reportSchema.parse(JSON.parse(json)).snippets[0]!.text.shown).toBe(hostile);
    const markdown = formatReport({ ...parameters, format: 'md' });
    expect(markdown.replace(/\n/g, '')).not.toMatch(unsafe);
    expect(markdown).toContain('> Read\\\\u{1B}\\]52;c;');
  });
});
