/** The dark palette, for readers whose system asks for it and for the page's own theme button (`.theme-dark`). */
const darkPalette = `color-scheme: dark;
    --ink: #e6e4df; --muted: #a3a7ad; --rule: #33363b; --paper: #121416; --panel: #1c1f23; --accent: #8ab4f8; --label: #f0a36b; --header: #0c0d0f;`;

export const articleStyles = `
:root {
  --ink: #1a1a1a; --muted: #5c5f64; --rule: #e2ded6; --paper: #fffdf9; --panel: #f4f1ea; --accent: #0b4f8a; --label: #9c3d00; --header: #ffffff;
  --serif: Charter, "Bitstream Charter", "Iowan Old Style", "Palatino Linotype", Georgia, Cambria, serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif;
}
@media (prefers-color-scheme: dark) { :root { ${darkPalette} } }
:root.theme-dark { ${darkPalette} }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink); font-family: var(--serif); font-size: 18px; line-height: 1.6; }
a { color: var(--accent); }
h2 { font-family: var(--sans); font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; margin: 0 0 0.6rem; color: var(--muted); }

.site-header { position: sticky; top: 0; z-index: 10; background: var(--header); border-top: 5px solid var(--ink); border-bottom: 1px solid var(--rule); }
.site-header-inner { max-width: 76rem; margin: 0 auto; padding: 0.6rem 1.25rem; display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 1.5rem; }
.brand { font-weight: 700; font-size: 1.5rem; letter-spacing: -0.01em; color: var(--ink); text-decoration: none; }
.site-header nav { display: flex; flex-wrap: wrap; gap: 0.2rem 1.1rem; font-family: var(--sans); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; }
.site-header nav a { color: var(--muted); text-decoration: none; }
.theme-toggle { margin-left: auto; font: inherit; font-family: var(--sans); font-size: 0.8rem; color: var(--ink); background: none; border: 1px solid var(--rule); border-radius: 999px; padding: 0.2rem 0.8rem; cursor: pointer; }

.layout { max-width: 76rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; display: grid; gap: 2.5rem; grid-template-columns: minmax(0, 1fr); }
@media (min-width: 62rem) { .layout { grid-template-columns: minmax(0, 1fr) 17rem; } }

.section-label { font-family: var(--sans); font-size: 0.8rem; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--label); margin: 0 0 0.5rem; }
h1 { font-size: clamp(2rem, 4.5vw, 3rem); line-height: 1.1; letter-spacing: -0.02em; margin: 0 0 0.8rem; }
.standfirst { font-size: 1.3rem; line-height: 1.45; margin: 0 0 1rem; }
.byline { font-family: var(--sans); font-size: 0.85rem; color: var(--muted); margin: 0 0 1.25rem; padding-bottom: 1rem; border-bottom: 1px solid var(--rule); }
.ai-note { font-style: italic; }
.lead-image { margin: 0 0 1.25rem; }
.lead-image-art { aspect-ratio: 16 / 5; border-radius: 4px; background: linear-gradient(180deg, #33475b 0%, #5b7b94 45%, #9fb4c2 46%, #3f5d73 60%, #1f3445 100%); }
.lead-image figcaption { font-family: var(--sans); font-size: 0.8rem; color: var(--muted); margin-top: 0.4rem; }

.summary { margin: 0 0 1.5rem; }
.summary-toggle { font: inherit; font-family: var(--sans); font-size: 1rem; font-weight: 600; color: var(--accent); background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 0.45rem 0.9rem; cursor: pointer; }
.summary-panel { font-family: var(--sans); font-size: 0.95rem; background: var(--panel); border-radius: 6px; margin: 0.6rem 0 0; padding: 0.8rem 1rem 0.8rem 2rem; }

.story-body > p, .story-body > div > p { margin: 0 0 1rem; }
@media (min-width: 62rem) { .story-body { columns: 2; column-gap: 2rem; column-rule: 1px solid var(--rule); } }
.ai-label { font-family: var(--sans); font-size: 0.75rem; font-weight: 600; text-transform: uppercase; letter-spacing: 0.05em; color: var(--label); margin-bottom: 0.2rem !important; break-after: avoid; }
.pull-quote { break-inside: avoid; margin: 0.5rem 0 1.25rem; padding: 0.8rem 0; border-top: 3px solid var(--ink); border-bottom: 1px solid var(--rule); }
.pull-quote p { font-size: 1.45rem; line-height: 1.3; font-style: italic; margin: 0 0 0.4rem; }
.pull-quote cite { font-family: var(--sans); font-size: 0.8rem; font-style: normal; color: var(--muted); }

.languages, .elsewhere, .letters, .archive { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid var(--rule); }
.languages p, .elsewhere p, .letters p { margin: 0 0 0.6rem; }
.languages [lang="zh"] { font-family: "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
.languages [dir="rtl"] { font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Geeza Pro", "Segoe UI", serif; }

/* The sidebar in small type, as newspapers set it: 13 pixels. */
.sidebar { font-family: var(--sans); font-size: 13px; line-height: 1.5; }
.sidebar section { padding: 0.9rem 0; border-top: 3px solid var(--ink); }
.sidebar section + section { border-top-width: 1px; border-top-color: var(--rule); }
.sidebar p { margin: 0 0 0.7rem; }
.sidebar .related { font-weight: 600; font-size: 15px; line-height: 1.35; text-decoration: none; }
.sidebar .related:hover { text-decoration: underline; }
.sidebar .question { font-weight: 600; }
.sidebar .post { margin: 0 0 0.7rem; }
.ai-proof-token { display: inline-block; max-width: 9rem; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: bottom; font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 11px; color: var(--muted); }
.ai-proof-link { font-size: 11px; font-weight: 600; text-decoration: none; }
.partner { background: var(--panel); padding: 0.9rem 0.8rem !important; }
.site-footer { border-top: 1px solid var(--rule); font-family: var(--sans); font-size: 0.8rem; color: var(--muted); text-align: center; padding: 1rem; }
`;
