import { articleStyles } from './article-styles';
import type { ArticleSnippet, ArticleSnippetId } from './article-snippets';

export type RenderArticlePageParameters = { snippets: readonly ArticleSnippet[] };

/**
 * A local newspaper's story page, as a reader meets one: sticky masthead,
 * two-column body, pull quote, a fact box only partly written with AI,
 * agency copy, a letters summary, sidebar in small type, summaries in
 * Arabic and Chinese, a dark theme. Its AI snippets sit where newsrooms put them
 * (a headline, a link, a button's label), labelled only as a newsroom
 * labels them: nothing on the page names a case or an expected verdict.
 */
export function renderArticlePage({ snippets }: RenderArticlePageParameters): string {
  const byId = new Map(snippets.map((snippet) => [snippet.id, snippet.html]));
  const at = (id: ArticleSnippetId) => byId.get(id) ?? '';

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Storm surge puts the new harbour barrier to its first test — The Harbour Gazette</title>
<style>${articleStyles}</style>
</head>
<body>
<header class="site-header">
  <div class="site-header-inner">
    <a class="brand" href="#top">The Harbour Gazette</a>
    <nav aria-label="Sections"><a href="#top">News</a><a href="#top">Weather</a><a href="#top">Business</a><a href="#top">Sport</a><a href="#top">Opinion</a></nav>
    <button type="button" class="theme-toggle" aria-pressed="false">Dark theme</button>
  </div>
</header>
<div class="layout" id="top">
<main>
<article class="story">
  <p class="section-label">Environment · Coast</p>
  ${at('headline')}
  ${at('standfirst')}
  <p class="byline">By Mara Quint, coast reporter · Wednesday 3 December 2026 · <span class="ai-note">Parts of this story were written with AI, marked by our newsroom.</span></p>
  <figure class="lead-image" role="img" aria-label="The closed harbour gates at dusk">
    <div class="lead-image-art"></div>
    <figcaption>The gates at the harbour mouth, closed on Tuesday evening. Photograph: Gazette staff</figcaption>
  </figure>
  <div class="summary">
    ${at('summary-button')}
    <ul id="summary-panel" class="summary-panel" hidden>
      <li>The gates now close when a surge of more than 1.2 metres is forecast.</li>
      <li>Shops on Quay Street no longer need flood boards on the doors.</li>
      <li>The harbour wall path closes while the gates are shut.</li>
    </ul>
  </div>
  <div class="story-body">
    <p>Water rose against the harbour wall for most of Tuesday evening, but for the first time in living memory it did not come over. Residents who had moved furniture upstairs by habit spent the night watching the gates instead.</p>
    <p class="ai-label">Timeline, written with AI from the council's incident log</p>
    ${at('timeline')}
    <p>"We had sandbags at the door and never needed them," said Ellen Varga, who runs the bakery on the corner of Quay Street. Her shop was flooded twice last winter.</p>
    <blockquote class="pull-quote"><p>We had sandbags at the door and never needed them.</p><cite>Ellen Varga, baker</cite></blockquote>
    <p>Engineers will inspect the gates this week. The council expects them to close four or five times a winter, more often as sea levels rise.</p>
    <p class="ai-label">The first sentence below was written with AI</p>
    <p>${at('gate-facts')} They were built in Rotterdam and towed here on a barge last spring, and the engineers who designed them say they should last a century.</p>
    <p class="ai-label">Summary of the council report, written with AI</p>
    ${at('council-figures')}
    <p>Opposition councillors asked for the full accounts to be published before the spring budget meeting. The council said it would publish them in January.</p>
  </div>
  <section class="languages" aria-label="This story in other languages">
    <h2>This story in other languages</h2>
    ${at('arabic-summary')}
    ${at('chinese-summary')}
  </section>
  <section class="elsewhere" aria-label="Elsewhere on the coast">
    <h2>Elsewhere on the coast</h2>
    <p class="ai-label">From the Coast Wire news agency, written with AI</p>
    ${at('wire-copy')}
  </section>
  <section class="letters" aria-label="Your letters">
    <h2>Your letters</h2>
    <p class="ai-label">Summary of this week's letters, written with AI</p>
    ${at('letters-summary')}
    <p>Write to letters@harbour-gazette.example; we may shorten letters for print.</p>
  </section>
  <section class="archive" id="archive">
    <h2>From the archive</h2>
    <p>Quay Street under water, January 2026: how a winter of floods led to the barrier.</p>
  </section>
</article>
</main>
<aside class="sidebar" aria-label="More from the Gazette">
  <section>
    <h2>Related</h2>
    ${at('related-link')}
  </section>
  <section>
    <h2>In brief</h2>
    ${at('gale-warning')}
    ${at('river-clean-up')}
    ${at('air-quality')}
    ${at('ferries')}
  </section>
  <section>
    <h2>Ask the newsroom</h2>
    <p class="question">Where do the sandbags go now?</p>
    ${at('reader-question')}
  </section>
  <section class="partner">
    <h2>Partner content</h2>
    ${at('partner')}
  </section>
</aside>
</div>
<footer class="site-footer"><p>© 2026 The Harbour Gazette · A page of the Verity devnet: the proofs name contracts on the local chain.</p></footer>
<script>${pageScript}</script>
</body>
</html>
`;
}

/** The page's own behaviour: the summary button opens its list, the theme button switches to the dark theme. */
const pageScript = `
document.querySelector('.summary-toggle')?.addEventListener('click', (event) => {
  const button = event.currentTarget;
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  document.getElementById('summary-panel').hidden = !open;
});
document.querySelector('.theme-toggle').addEventListener('click', (event) => {
  const dark = document.documentElement.classList.toggle('theme-dark');
  event.currentTarget.setAttribute('aria-pressed', String(dark));
});
`;
