import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import markdownItFootnote from 'markdown-it-footnote';
import { describe, expect, it } from 'vitest';
import { canonicalTextOfElement } from './canonical';
import { renderMarkdown } from './markdown';
import { matchesRenderedMarkdown } from './markdown-match';

/** A second, independent renderer: markdown-it with GitHub's tables, strikethrough, autolinks and footnotes. */
const markdownIt = new MarkdownIt({ linkify: true }).use(markdownItFootnote);

/** The canonical text a page shows for the Markdown, rendered by markdown-it. */
function shownByMarkdownIt(markdown: string): string {
  return canonicalTextOfElement(new JSDOM(`<!doctype html><body><article>${markdownIt.render(markdown)}</article></body>`).window.document.querySelector('article')!);
}

/** Typical LLM answers: what a chat page shows rendered. */
const answers = {
  'code fence with a language tag': 'Use `fetch`:\n\n```ts\nconst res = await fetch(url);\nif (!res.ok) throw new Error(`HTTP ${res.status}`);\n```\n\nThat is all.',
  'nested and ordered lists': '1. Preheat the oven to 180 °C.\n2. Mix:\n   - 200 g flour\n   - 2 eggs\n3. Bake for *25–30 minutes*.',
  table: '| Model | Score |\n|:------|------:|\n| A     | 91.5% |\n| B     | 88%   |\n\nA wins by ~~3~~ 3.5 points.',
  'block quote, inline code and entities': '> The `--force` flag is dangerous &amp; rarely needed &mdash; avoid it.\n\nAlso see &lt;docs&gt; &#x2713;',
  'links, autolinks and an image': 'Read [the guide](https://example.com/guide?lang=en) or https://example.org/faq.\n\n![A diagram](https://example.com/d.png "Diagram")',
  footnotes: 'Paris is the capital of France.[^1] It has 2.1 million people.[^pop]\n\n[^1]: Since 987.\n[^pop]: In 2023, per INSEE.',
  'headings, emphasis and a hard break': '## Summary\n\n**Yes** — but _only_ if x ≥ 3.  \nOtherwise, no!',
  'a reference link': 'See [the spec][spec] for details.\n\n[spec]: https://example.com/spec "Spec"',
};

describe('matchesRenderedMarkdown', () => {
  it.each(Object.entries(answers))('matches the page that shows a rendered answer: %s', (_name, markdown) => {
    expect(matchesRenderedMarkdown(shownByMarkdownIt(markdown), markdown)).toBe(true);
  });

  it('refuses a rendering whose words, signs or sentence marks differ', () => {
    const markdown = answers['nested and ordered lists'];
    for (const [from, to] of [['180', '160'], ['2 eggs', '3 eggs'], ['Bake', 'Fry'], ['25–30', '25-30']] as const) {
      expect(matchesRenderedMarkdown(shownByMarkdownIt(markdown.replace(from, to)), markdown), to).toBe(false);
    }
    expect(matchesRenderedMarkdown(shownByMarkdownIt('Is it safe?'), 'Is it safe.')).toBe(false);
    expect(matchesRenderedMarkdown(shownByMarkdownIt(answers.footnotes.replace('987', '988')), answers.footnotes)).toBe(false);
  });

  it('takes a footnote number in brackets or bare, but not a different one, and not text in its place', () => {
    const markdown = 'Water boils at 100 °C.[^a]\n\n[^a]: At sea level.';
    expect(matchesRenderedMarkdown('Water boils at 100 °C.[1] Footnotes At sea level. ↩', markdown)).toBe(true);
    expect(matchesRenderedMarkdown('Water boils at 100 °C.1 At sea level.↩', markdown)).toBe(true);
    expect(matchesRenderedMarkdown('Water boils at 100 °C.[2] At sea level.', markdown)).toBe(false);
    expect(matchesRenderedMarkdown('Water boils at 100 °C. not At sea level.', markdown)).toBe(false);
  });

  // A backtracking matcher never returns here (each footnote marker doubles its tries); this one takes ~0.4 s, so a loaded machine gets room.
  it('answers a hostile signed text with a thousand footnotes and digits without backtracking', { timeout: 30_000 }, () => {
    const count = 1_000;
    const markdown = `${Array.from({ length: count }, (_, index) => `1[^${index}]`).join('')}\n\n${Array.from({ length: count }, (_, index) => `[^${index}]: 1`).join('\n')}`;
    expect(matchesRenderedMarkdown(`${'1'.repeat(count * 2)}↩1`.repeat(2), markdown)).toBe(false);
  });

  it('needs some text: an empty page matches nothing', () => {
    expect(matchesRenderedMarkdown('', '**')).toBe(false);
  });
});

describe('renderMarkdown', () => {
  it('gives every link and image target, reference links resolved', () => {
    expect(renderMarkdown(answers['links, autolinks and an image']).links).toEqual([
      { kind: 'link', text: 'the guide', target: 'https://example.com/guide?lang=en' },
      { kind: 'link', text: 'https://example.org/faq', target: 'https://example.org/faq' },
      { kind: 'image', text: 'A diagram', target: 'https://example.com/d.png' },
    ]);
    expect(renderMarkdown(answers['a reference link']).links).toEqual([{ kind: 'link', text: 'the spec', target: 'https://example.com/spec' }]);
  });
});
