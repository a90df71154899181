import type { RenderingDoubt } from '../lib/verdict/rendering-doubts';

/**
 * The adversarial page of rendering honesty (issue 11): one signed sentence
 * shown in many figures, each with one trick that makes readers see other
 * words than those signed, and a few honest controls. Every figure's
 * canonical text is the signed sentence, so the proof's hash holds in all
 * of them and only the rendering check tells them apart. docs/protocol.md
 * §10 has the same cases as a table.
 */

/** What Verity says of a figure: verified, altered (readers see other words), or unavailable with what it could not confirm. */
export type TrickExpectation = { state: 'verified' } | { state: 'altered' } | { state: 'unavailable'; doubt: RenderingDoubt };

export type RenderingFigure = {
  name: string;
  html: string;
  expected: TrickExpectation;
  /** A style on the snippet's own element, the one carrying the proof. */
  snippetStyle?: string;
  /** What the figure holds after the snippet. */
  after?: string;
  /** Markup the snippet sits in, inside the figure: its opening and closing. */
  wrap?: [string, string];
  /** What Verity says in Firefox, where that differs: a trick whose CSS Firefox does not draw shows the signed words. */
  firefox?: TrickExpectation;
};

export const trickSignedText = 'The drug is not safe for children under 12. Is the dose −5 mg?';

const verified = { state: 'verified' } as const;
const altered = { state: 'altered' } as const;
const doubt = (name: RenderingDoubt): TrickExpectation => ({ state: 'unavailable', doubt: name });

/** The sentence with its "not" wrapped: `<span …>not</span>` in place. */
const withNot = (open: string, close = '</span>'): string => `The drug is ${open}not${close} safe for children under 12. Is the dose −5 mg?`;

export const renderingFigures: RenderingFigure[] = [
  // Honest controls.
  { name: 'plain', html: trickSignedText, expected: verified },
  { name: 'dark mode', html: `<div style="background:#121212;color:#e8e8e8;padding:4px">${trickSignedText}</div>`, expected: verified },
  { name: 'link and emphasis', html: withNot('<a href="/about">', '</a>').replace('safe', '<em>safe</em>'), expected: verified },
  { name: 'right-to-left element', html: `<span dir="rtl">${trickSignedText}</span>`, expected: verified },
  { name: 'muted and moved', html: `<span style="color:#666;opacity:.8;position:relative;left:2px">${trickSignedText}</span>`, expected: verified },
  { name: 'display contents', html: withNot('<span style="display:contents">'), expected: verified },
  { name: 'snippet display contents', html: trickSignedText, snippetStyle: 'display:contents', expected: verified },
  { name: 'superscript', html: trickSignedText.replace('12', '<sup style="font-size:75%;line-height:0;position:relative;vertical-align:baseline;top:-.5em">12</sup>'), expected: verified },
  { name: 'tight headline tracking', html: `<span style="letter-spacing:-.02em">${trickSignedText}</span>`, expected: verified },
  { name: 'clear layer over it', html: `${trickSignedText}<i class="overlay clear"></i>`, expected: verified },
  { name: 'clear layer passing clicks through', html: `${trickSignedText}<i class="overlay clear pass-through"></i>`, expected: verified },
  { name: 'text passing clicks through', html: `<span class="pass-through">${trickSignedText}</span>`, expected: verified },
  { name: 'identity scale and rotation', html: `<span style="display:inline-block;scale:1;rotate:0deg">${trickSignedText}</span>`, expected: verified },
  { name: 'frosted card around the snippet', html: trickSignedText, wrap: ['<div style="backdrop-filter:blur(8px);background:rgba(255,255,255,.8);padding:4px">', '</div>'], expected: verified },
  { name: 'two columns', html: trickSignedText, snippetStyle: 'columns:2;column-gap:2em;width:36em', expected: verified },
  { name: 'rounded card clipping nothing', html: trickSignedText, wrap: ['<div style="clip-path:inset(0 round 12px);background:#eef;padding:4px 8px">', '</div>'], expected: verified },
  { name: 'soft drop shadow and focus ring', html: withNot('<a href="/about" style="outline:2px solid #06c;outline-offset:2px;box-shadow:0 4px 12px rgba(0,0,0,.15)">', '</a>'), expected: verified },
  { name: 'a proof link after the text', html: `${trickSignedText} <a href="/proof" data-ai-proof-ignore>AI proof ↗</a>`, expected: verified },
  { name: 'web font matched to its fallback', html: withNot('<span style="font-family:matched-fallback">'), expected: verified },
  { name: 'a copy button on a line of its own', html: `<div><button data-ai-proof-ignore>Copy</button></div>${trickSignedText}`, expected: verified },
  // The late-style tests turn its frame `pale`, inside the component's tree: the slotted words inherit the colour.
  { name: 'slotted into a component', html: trickSignedText, wrap: ['<div><template shadowrootmode="open"><style>.pale { color: rgba(0, 0, 0, 0.1); }</style><div class="frame"><slot></slot></div></template>', '</div>'], expected: verified },

  // Text hidden.
  { name: 'opacity 0.06', html: withNot('<span style="opacity:.06">'), expected: doubt('faint') },
  { name: 'colour alpha', html: withNot('<span style="color:rgba(0,0,0,.08)">'), expected: doubt('faint') },
  { name: '3 px text', html: withNot('<span style="font-size:3px">'), expected: doubt('small') },
  { name: 'zoom 0.1', html: withNot('<span style="zoom:.1">'), expected: doubt('small') },
  { name: 'scale(.08)', html: withNot('<span style="display:inline-block;transform:scale(.08)">'), expected: doubt('transformed') },
  { name: 'faded by a component it is slotted into', html: trickSignedText, wrap: ['<div><template shadowrootmode="open"><div style="opacity:.06"><slot></slot></div></template>', '</div>'], expected: doubt('faint') },
  { name: 'faded by a closed component it is slotted into', html: trickSignedText, wrap: ['<div><template shadowrootmode="closed"><div style="opacity:.06"><slot></slot></div></template>', '</div>'], expected: doubt('faint') },
  { name: 'filter', html: withNot('<span style="filter:blur(6px)">'), expected: doubt('effect') },
  { name: 'mask-image', html: withNot('<span style="display:inline-block;mask-image:linear-gradient(transparent,transparent)">'), expected: doubt('effect') },
  { name: 'clip-path', html: withNot('<span style="display:inline-block;clip-path:inset(0 0 0 95%)">'), expected: doubt('effect') },
  { name: 'overlay', html: `${trickSignedText}<i class="overlay"></i>`, expected: doubt('covered') },
  // The same on a snippet element with no box of its own: its geometry is that of what it holds.
  // A box over the second of the snippet's four lines, which a check of a text's first, middle and last line passed over.
  { name: 'overlay over a line between others', html: trickSignedText, snippetStyle: 'width:9em', after: '<i class="overlay" style="bottom:auto;top:1.4em;height:1.4em"></i>', expected: doubt('covered') },
  { name: 'overlay on an unboxed snippet', html: `${trickSignedText}<i class="overlay"></i>`, snippetStyle: 'display:contents', expected: doubt('covered') },
  // Out of hit tests' reach, in every way a page has of setting it: looked through (cover-check.ts, see-through.ts).
  { name: 'overlay passing clicks through', html: `${trickSignedText}<i class="overlay" style="pointer-events:none"></i>`, expected: doubt('covered') },
  { name: 'overlay passing clicks through, important', html: `${trickSignedText}<i class="overlay" style="pointer-events:none !important"></i>`, expected: doubt('covered') },
  { name: 'overlay beside the snippet passing clicks through', html: trickSignedText, after: '<i class="overlay pass-through"></i>', expected: doubt('covered') },
  { name: 'overlay passing clicks through by a rule as specific as any', html: `${trickSignedText}<i id="most-specific" class="overlay"></i>`, expected: doubt('covered') },
  { name: 'covering ::after passing clicks through by a rule as specific as any', html: `<span id="most-specific-after" class="covering">${trickSignedText}</span>`, expected: doubt('covered') },
  { name: 'inert overlay', html: `${trickSignedText}<i class="overlay" inert></i>`, expected: doubt('covered') },
  { name: 'inert overlay beside the snippet', html: trickSignedText, after: '<i class="overlay" inert></i>', expected: doubt('covered') },
  { name: 'overlay passing clicks through by an important rule', html: `${trickSignedText}<i class="overlay pass-through"></i>`, expected: doubt('covered') },
  // An overlay drawn by a web component: its host draws nothing of its own, its shadow tree does.
  { name: "overlay named like Verity's card", html: trickSignedText, after: '<verity-card class="overlay"></verity-card>', expected: doubt('covered') },
  { name: 'overlay in an open shadow tree', html: trickSignedText, after: '<span><template shadowrootmode="open"><i class="overlay" style="position:absolute;inset:0;background:#fff"></i></template></span>', expected: doubt('covered') },
  { name: 'overlay in a closed shadow tree', html: trickSignedText, after: '<span><template shadowrootmode="closed"><i style="position:absolute;inset:0;background:#fff"></i></template></span>', expected: doubt('covered') },
  // Trees the page's world reports (shadow-roots.content.ts): one attached by script, one the HTML declares on a custom
  // element. One declared on a built-in element is not seen (docs/protocol.md §1, §10).
  { name: 'overlay in a shadow tree passing clicks through', html: trickSignedText, after: '<span data-attach-shadow><template><style>:host { pointer-events: none !important } i { pointer-events: none !important }</style><i style="position:absolute;inset:0;background:#fff"></i></template></span>', expected: doubt('covered') },
  { name: 'overlay in a declared shadow tree passing clicks through', html: trickSignedText, after: '<overlay-part><template shadowrootmode="open"><style>:host { pointer-events: none !important } i { pointer-events: none !important }</style><i style="position:absolute;inset:0;background:#fff"></i></template></overlay-part>', expected: doubt('covered') },
  { name: '3 px text in an unboxed snippet', html: withNot('<span style="font-size:3px">'), snippetStyle: 'display:contents', expected: doubt('small') },
  { name: 'z-index behind a background', html: withNot('<span style="display:inline-block;background:#fff"><span style="position:relative;z-index:-1">', '</span></span>'), expected: doubt('covered') },
  { name: 'covering ::after', html: `<span class="covering">${trickSignedText}</span>`, expected: doubt('covered') },
  { name: 'same colour as background', html: withNot('<span style="color:#fff">'), expected: doubt('low-contrast') },
  { name: 'near colour of a dark box', html: `<div style="background:#111;color:#1a1a1a">${trickSignedText}</div>`, expected: doubt('low-contrast') },
  { name: 'background image', html: withNot('<span style="background-image:linear-gradient(#fff,#fff);color:#fff">'), expected: doubt('background') },
  { name: 'overflow clipping', html: withNot('<span style="display:inline-block;width:.4em;overflow:hidden;vertical-align:bottom;white-space:nowrap">'), expected: doubt('clipped') },
  { name: 'position fixed', html: withNot('<span style="position:fixed;right:0;bottom:0">'), expected: doubt('moved') },
  { name: 'absolute out of the box', html: withNot('<span style="position:absolute;left:0;top:calc(100% + 2px)">'), expected: doubt('moved') },
  { name: 'relative offset', html: withNot('<span style="position:relative;left:14em">'), expected: doubt('moved') },
  { name: 'nudges adding up', html: withNot('<span style="position:relative;top:.9em">'.repeat(2), '</span>'.repeat(2)), snippetStyle: 'padding-bottom:2em', expected: doubt('moved') },
  { name: 'translate', html: withNot('<span style="display:inline-block;translate:0 2.5em">'), expected: doubt('moved') },
  { name: 'mix-blend-mode', html: withNot('<span style="mix-blend-mode:difference;color:#000">'), expected: doubt('effect') },
  { name: 'letters squeezed', html: withNot('<span style="letter-spacing:-.35em">'), expected: doubt('transformed') },
  { name: '-webkit-text-security', html: withNot('<span style="-webkit-text-security:disc">'), expected: altered },
  { name: '::first-line', html: `<div class="first-line">${trickSignedText}</div>`, expected: doubt('styled-apart') },
  { name: 'hidden "not"', html: withNot('<span style="display:none">'), expected: altered },
  { name: 'hidden minus', html: trickSignedText.replace('−5', '<span style="color:transparent">−</span>5'), expected: altered },
  { name: 'question made a statement', html: trickSignedText.replace('?', '<span style="font-size:0">?</span><span class="full-stop"></span>'), expected: altered },

  // Text added.
  { name: 'q quotes', html: withNot('<q class="words-quotes">', '</q>'), expected: doubt('generated') },
  { name: 'list marker string', html: `<ul style="list-style-type:'Never: '"><li>${trickSignedText}</li></ul>`, expected: doubt('generated') },
  { name: 'counter-style symbols', html: `<ol style="list-style-type:words"><li>${trickSignedText}</li></ol>`, expected: doubt('generated') },
  { name: '::marker', html: `<ul class="marker"><li>${trickSignedText}</li></ul>`, expected: doubt('generated') },
  { name: '::before image', html: `<span class="image-before">${trickSignedText}</span>`, expected: doubt('generated') },
  { name: 'generated words', html: `<span class="generated-words">${trickSignedText}</span>`, expected: altered },
  { name: 'input value', html: `${trickSignedText} <input value="Never mind.">`, expected: doubt('embedded') },
  { name: 'image of text', html: `${trickSignedText} <img alt="" width="80" height="16" src="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='80' height='16'%3E%3Ctext y='12'%3ENot really%3C/text%3E%3C/svg%3E">`, expected: doubt('embedded') },

  // Found by a red team (2026-12-06): paint no hit test sees, counters and markers, words the signed text leaves out.
  { name: 'own ::after box pulled over the word', html: withNot('<span class="own-after">'), expected: doubt('covered') },
  { name: 'outline drawn inward over the word', html: withNot('<span style="display:inline-block;outline:.8em solid #fff;outline-offset:-.8em">'), expected: doubt('covered') },
  { name: 'shadow of an empty box over the word', html: withNot('', '<i style="display:inline-block;width:0;height:0;vertical-align:.35em;box-shadow:-.9em 0 0 .95em #fff"></i>'), expected: doubt('covered') },
  { name: 'inset shadow as a dark background', html: withNot('<span style="box-shadow:inset 0 0 0 2em #1d1d1f">'), expected: doubt('background') },
  { name: 'white text stroke', html: withNot('<span style="-webkit-text-stroke:5px #fff">'), expected: doubt('effect') },
  { name: 'thick white line through', html: withNot('<span style="text-decoration:line-through #fff 1.3em;text-decoration-skip-ink:none">'), expected: doubt('effect') },
  { name: 'text shadow copying a digit', html: trickSignedText.replace('−5 mg', '−<span style="text-shadow:.64em 0 currentColor;margin-right:.64em">5</span> mg'), expected: doubt('effect') },
  { name: 'box reflection', html: trickSignedText.replace('12', '<span style="display:inline-block;-webkit-box-reflect:right">12</span>'), expected: doubt('effect'), firefox: verified },
  { name: 'mask box image', html: withNot('<span style="display:inline-block;-webkit-mask-box-image:linear-gradient(transparent,transparent)">'), expected: doubt('effect'), firefox: verified },
  { name: 'white on white in an unboxed element', html: withNot('<span style="display:contents;background:#000;color:#fff">'), expected: doubt('low-contrast') },
  { name: '::first-line background', html: `<div class="first-line-background">${trickSignedText}</div>`, expected: doubt('styled-apart') },
  { name: 'animation hiding it later', html: withNot('<span class="late-hide">'), expected: doubt('styled-apart') },
  { name: 'marker drawn over it', html: trickSignedText, after: '<i class="marker-overlay"></i>', expected: doubt('covered') },
  { name: 'column rule drawn over it', html: trickSignedText, after: '<i class="rule-overlay"><b></b></i>', expected: doubt('covered') },
  // Firefox refuses `counter(…, none)`, and with it the whole `content`: nothing is drawn.
  { name: '::scroll-button content', html: `<div class="scroll-button-words">${trickSignedText}</div>`, expected: doubt('generated'), firefox: verified },
  { name: '::scroll-marker content', html: `<div class="scroll-marker-words"><span>${trickSignedText}</span></div>`, expected: doubt('generated'), firefox: verified },
  // Glyphs shrunk while the line boxes stay tall (ascent and descent overrides): the drawn height rule reads the boxes.
  { name: 'font face shrunk in a tall box', html: withNot('<span style="font-family:shrunk-tall">'), expected: doubt('small') },
  { name: 'font-size-adjust in a tall box', html: withNot('<span style="font-family:tall-box;font-size-adjust:.05">'), expected: doubt('small') },
  { name: '::first-line in a shrunk font', html: `<div class="first-line-shrunk">${trickSignedText}</div>`, expected: doubt('small') },
  // The page's script selects the word, and its ::selection draws selected words transparent.
  // Colours of another space, as Tailwind 4 writes them (Chromium 156 computes them as written): a control, and a word faded into white.
  { name: 'words in oklch', html: withNot('<span style="color:oklch(0.21 0.034 264.665);background-color:oklch(0.985 0.002 247.839)">'), expected: verified },
  { name: 'word in oklch nearly white', html: withNot('<span style="color:oklch(0.97 0.003 247)">'), expected: doubt('low-contrast') },
  { name: 'selected word drawn transparent', html: withNot('<span class="selection-hidden">'), expected: doubt('styled-apart') },
  // A control, selected later in the Chromium suite: white words on the brand's blue, named through a custom property.
  { name: 'selection in brand colours', html: withNot('<span class="selection-brand">'), expected: verified },
  { name: 'counter without style beside words', html: `<span class="counter-words">${trickSignedText}</span>`, expected: doubt('generated'), firefox: verified },
  { name: 'counter drawing a digit', html: trickSignedText.replace('−5', '−5<span class="counter-zero"></span>'), expected: doubt('generated') },
  { name: 'lower-roman redefined', html: `<ol style="list-style-type:lower-roman"><li>${trickSignedText}</li></ol>`, expected: doubt('generated') },
  { name: '::before made a list item', html: `<span class="pseudo-item">${trickSignedText}</span>`, expected: doubt('generated') },
  { name: '<style> shown inline', html: trickSignedText.replace('under 12', 'under <style style="display:inline">1</style>12'), expected: doubt('generated') },
  { name: 'ignored words shown', html: `<span data-ai-proof-ignore>Never mind: </span>${trickSignedText}`, expected: doubt('generated') },
  // A publisher's controls may stand outside the signed text after it or on a line of their own (controls above), not among its words.
  { name: 'ignored words in a link among the words', html: trickSignedText.replace('safe', '<a href="/about" data-ai-proof-ignore style="color:inherit;text-decoration:none">entirely </a>safe'), expected: doubt('generated') },
  { name: 'ignored words in a span given the role of a button', html: trickSignedText.replace('safe', '<span role="button" data-ai-proof-ignore>entirely </span>safe'), expected: doubt('generated') },
  // Named like Verity's own elements, which Verity knows by identity, not by name.
  // (Not a badge's name, which the tests' badge reader would count.)
  { name: "ignored words in an element named like Verity's card", html: `<verity-selection-card data-ai-proof-ignore>Never mind: </verity-selection-card>${trickSignedText}`, expected: doubt('generated') },
  { name: 'a component adding a digit', html: trickSignedText.replace('−5', '−<span><template shadowrootmode="open"><slot></slot>0</template>5</span>'), expected: doubt('embedded') },
  { name: 'a closed component adding words', html: `<span><template shadowrootmode="closed">Never mind: <slot></slot></template>${trickSignedText}</span>`, expected: doubt('embedded') },
  { name: 'margins moving a word far', html: withNot('<span style="display:inline-block;margin-left:45em;margin-right:-45em">'), expected: doubt('moved') },
  { name: 'absolute word inside the box', html: withNot('<span style="position:absolute;left:45em">'), expected: doubt('moved') },
  { name: 'sticky word pushed along', html: withNot('<span style="position:sticky;left:45em;display:inline-block">'), expected: doubt('moved') },
  { name: 'ruby annotation', html: 'The drug <ruby>is <rt>not</rt></ruby> safe for children under 12. Is the dose −5 mg?', expected: doubt('moved') },
  { name: 'legend drawn on the border', html: '<fieldset style="border:0;padding:0;margin:0">The drug is not <legend>safe</legend> for children under 12. Is the dose −5 mg?</fieldset>', expected: doubt('moved') },
  { name: 'right-to-left flex row', html: withNot('<span style="display:inline-flex;direction:rtl;gap:.3em"><span>', '</span> <span>safe</span></span>').replace('</span></span> safe', '</span></span>'), expected: doubt('reordered') },
  // Read as other words, not only a doubt: the grid's placement puts "safe" before "not" in what the walk reads too.
  { name: 'grid item ending at line 1', html: withNot('<span style="display:inline-grid;grid-auto-flow:column;gap:.3em"><span>', '</span><span style="grid-column-end:1">safe</span></span>').replace('</span></span> safe', '</span></span>'), expected: altered },
  { name: 'number turned right to left', html: trickSignedText.replace('−5', '<span dir="rtl">−5</span>'), expected: doubt('reordered') },
  { name: 'columns placed right to left', html: `<div style="columns:2;column-gap:2em;direction:rtl;width:36em"><span dir="ltr">${trickSignedText}</span></div>`, expected: doubt('reordered') },
  { name: 'columns placed right to left on the snippet', html: `<span dir="ltr">${trickSignedText}</span>`, snippetStyle: 'columns:2;column-gap:2em;direction:rtl;width:36em', expected: doubt('reordered') },
  { name: 'number and unit set right to left', html: trickSignedText.replace('−5 mg', '<span dir="rtl">−5 mg</span>'), expected: doubt('reordered') },
  { name: 'perspective shrinking a word', html: withNot('<span style="display:inline-block;perspective:10px"><span style="display:inline-block;transform:translateZ(-14px)">', '</span></span>'), expected: doubt('transformed') },
  { name: 'word written sideways', html: withNot('<span style="display:inline-block;writing-mode:sideways-lr">'), expected: doubt('transformed') },

  // Words reordered.
  { name: 'flex order', html: withNot('<span style="display:inline-flex;gap:.3em"><span style="order:2">', '</span> <span style="order:1">safe</span></span>').replace('</span></span> safe', '</span></span>'), expected: doubt('reordered') },
  { name: 'row-reverse', html: withNot('<span style="display:inline-flex;flex-direction:row-reverse;gap:.3em"><span>', '</span> <span>safe</span></span>').replace('</span></span> safe', '</span></span>'), expected: doubt('reordered') },
  { name: 'bidi override', html: withNot('<span style="unicode-bidi:bidi-override;direction:rtl">'), expected: doubt('reordered') },
  { name: 'float', html: withNot('<span style="float:right">'), expected: doubt('reordered') },
];

/** Styles of the tricks a rule must carry. */
export const renderingTricksCss = `
body { margin: 8px; background: #fff; color: #1d1d1f; font: 16px/1.4 sans-serif; }
@font-face { font-family: matched-fallback; src: local("DejaVu Sans"); size-adjust: 95%; ascent-override: 92%; }
@font-face { font-family: shrunk-tall; src: local("DejaVu Sans"); size-adjust: 5%; ascent-override: 1600%; descent-override: 400%; }
@font-face { font-family: tall-box; src: local("DejaVu Sans"); ascent-override: 1600%; descent-override: 400%; }
.first-line-shrunk::first-line { font-family: shrunk-tall; }
.selection-hidden::selection { color: transparent; background: transparent; }
.selection-brand { --brand: #0366d6; }
.selection-brand::selection { color: white; background: var(--brand); }
figure { position: relative; margin: 0 0 28px; }
.overlay { position: absolute; inset: 0; background: #fff; }
.overlay.clear { background: none; }
.pass-through { pointer-events: none !important; }
.covering { position: relative; } .covering::after { content: ""; position: absolute; inset: 0; background: #fff; }
/* More ids than browsers count (Chromium 255, Firefox 1,023). */
i${'#most-specific'.repeat(1100)} { pointer-events: none !important; }
span${'#most-specific-after'.repeat(1100)}::after { pointer-events: none !important; }
.scroll-button-words { overflow-x: auto; }
.scroll-button-words::scroll-button(inline-start) { content: "Never mind: "; }
.scroll-marker-words { overflow-x: auto; scroll-marker-group: before; }
.scroll-marker-words > span::scroll-marker { content: "Never mind: "; }
.first-line::first-line { color: transparent; }
.first-line-background::first-line { background: #1d1d1f; }
.own-after::after { content: ""; display: inline-block; width: 1.9em; height: 1.4em; margin-left: -1.9em; background: #fff; vertical-align: -.3em; }
.late-hide { animation: late-hide 100000s step-end; }
/* Transparent after 1,000 s: long after any reading of this test. */
@keyframes late-hide { 0% { color: #1d1d1f; } 1%, 100% { color: transparent; } }
.marker-overlay { position: absolute; left: 0; top: 0; display: list-item; list-style: inside "${'█'.repeat(40)}"; color: #fff; line-height: 1.4; white-space: nowrap; }
.rule-overlay { position: absolute; left: 0; top: 0; width: 30em; height: 1.4em; columns: 2; column-gap: 20em; column-rule: 20em solid #fff; column-fill: auto; }
.rule-overlay b { display: block; height: 2.8em; }
.counter-words::before { content: "Never mind: " counter(tricks-a, none); }
.counter-zero::after { counter-reset: tricks-b; content: counter(tricks-b); }
@counter-style lower-roman { system: cyclic; symbols: "Never:"; suffix: " "; }
.pseudo-item::before { content: ""; display: list-item; list-style: inside "Never: "; }
.full-stop::after { content: "."; }
.words-quotes { quotes: "never " "" ; }
@counter-style words { system: cyclic; symbols: "Never:"; suffix: " "; }
.marker li::marker { content: "Never: "; }
.image-before::before { content: url("data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='16'/%3E"); }
.generated-words::before { content: "Never mind: "; }
figure:target > div { color: rgba(0, 0, 0, 0.1); }
/* The late-style tests set this attribute on a snippet. */
figure > div[data-late] { color: rgba(0, 0, 0, 0.1); }
`;

/** A figure's id, for `:target`. */
export function figureId(name: string): string {
  return name.replace(/\W+/g, '-');
}

/** Gives each `[data-attach-shadow]` element an open shadow root holding its template's content, as a web component would. */
const attachShadows = `for (const host of document.querySelectorAll('[data-attach-shadow]')) host.attachShadow({ mode: 'open' }).append(host.querySelector('template').content.cloneNode(true));`;

/** Selects the word whose ::selection the page draws transparent, as a page's script can. */
const selectHiddenWord = `getSelection().selectAllChildren(document.querySelector('.selection-hidden'));`;

/** The page: one figure per case, each snippet carrying the same attribute proof of the signed sentence. */
export function renderingTricksPage(proofAttribute: string): string {
  const figures = renderingFigures.map(
    ({ name, html, snippetStyle, after = '', wrap = ['', ''] }) =>
      `<figure id="${figureId(name)}" data-trick="${name}">${wrap[0]}<div data-ai-proof='${proofAttribute}'${snippetStyle === undefined ? '' : ` style="${snippetStyle}"`}>${html}</div>${wrap[1]}${after}</figure>`,
  );
  return `<!doctype html><html><head><meta charset="utf-8"><style>${renderingTricksCss}</style></head><body>\n${figures.join('\n')}\n<script>${attachShadows}\n${selectHiddenWord}</script></body></html>`;
}
