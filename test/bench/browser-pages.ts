import type { ProofSet } from './proof-set';
import { newsBrief } from './sentences';
import { formsOf, snippetHtml } from './snippets';

/**
 * `count` valid proofs as snippets, taken in turn from each set, each
 * set's proofs cycling through every form they can be carried in.
 */
export function proofSnippets(sets: readonly ProofSet[], count: number): string[] {
  const snippets: string[] = [];
  const taken = sets.map(() => 0);
  for (let turn = 0; snippets.length < count; turn++) {
    const setIndex = turn % sets.length;
    const proof = sets[setIndex]!.proofs[taken[setIndex]!];
    if (proof === undefined) {
      if (taken.every((used, index) => sets[index]!.proofs[used] === undefined)) throw new Error(`Only ${snippets.length} proofs to make ${count} snippets`);
      continue;
    }
    const forms = formsOf(proof);
    snippets.push(snippetHtml({ proof, form: forms[taken[setIndex]! % forms.length]!, id: `browser-${setIndex}-${taken[setIndex]}` }));
    taken[setIndex]! += 1;
  }
  return snippets;
}

/** Elements in one filler block: section, h3, p, a, em. */
const fillerElements = 5;

function fillerBlock(index: number): string {
  return `<section><h3>Item ${index + 1}</h3><p>${newsBrief('filler', index)} <a href="#item-${index}">More</a> <em>${index % 60} min ago</em></p></section>`;
}

/**
 * A page of about `elements` elements with the snippets spread evenly
 * through it: filler blocks of plain news text between them.
 */
export function browserPage({ snippets, elements = 0 }: { snippets: readonly string[]; elements?: number }): string {
  const snippetElements = snippets.reduce((total, snippet) => total + (snippet.match(/<[a-z]/gi)?.length ?? 0), 0);
  // html, head, meta, title, style, body.
  const blocks = Math.max(0, Math.round((elements - snippetElements - 6) / fillerElements));
  const parts: string[] = [];
  let block = 0;
  snippets.forEach((snippet, index) => {
    const until = Math.round(((index + 1) * blocks) / (snippets.length + 1));
    while (block < until) parts.push(fillerBlock(block++));
    parts.push(snippet);
  });
  while (block < blocks) parts.push(fillerBlock(block++));
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Verity browser bench</title>
<style>body { font: 14px/1.4 sans-serif; margin: 8px; } section, h3, p { margin: 0 0 4px; } h3 { font-size: 15px; }</style>
</head><body>
${parts.join('\n')}
</body></html>`;
}

/** What installBadgeWatch saw of the page's badges, as `window.verityBench`; times in ms since navigation start. */
export type BadgeWatch = {
  expected: number;
  badges: number;
  final: number;
  firstBadgeAt?: number;
  allBadgesAt?: number;
  allFinalAt?: number;
  /** [when, how many final]: each time the count of final badges grew. */
  finalSteps: [number, number][];
  states: Record<string, number>;
};

/**
 * Runs in the page's own world from its first moment: counts badge hosts
 * (`verity-badge`) as the content script adds them and their `data-state`
 * as verdicts come, from a MutationObserver that starts at
 * DOMContentLoaded (before the content script's document_idle), so the
 * page's parsing is not observed. Times are performance.now(): ms since
 * navigation start. It also puts performance marks in the trace.
 */
export function installBadgeWatch(): void {
  const expected = Number(new URLSearchParams(location.search).get('proofs') ?? '0');
  const watch: BadgeWatch = { expected, badges: 0, final: 0, finalSteps: [], states: {} };
  (window as unknown as { verityBench: BadgeWatch }).verityBench = watch;
  const badges = new Set<Element>();
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    let stateChanged = false;
    for (const record of records) {
      if (record.type === 'attributes') stateChanged = true;
      for (const node of record.addedNodes) {
        if (node.nodeName !== 'VERITY-BADGE' || badges.has(node as Element)) continue;
        badges.add(node as Element);
        stateChanged = true;
        watch.badges = badges.size;
        if (watch.badges === 1) {
          watch.firstBadgeAt = now;
          performance.mark('verity-bench:first-badge');
        }
        if (watch.badges === expected) {
          watch.allBadgesAt = now;
          performance.mark('verity-bench:all-badges');
        }
      }
    }
    if (!stateChanged || watch.allFinalAt !== undefined) return;
    const states: Record<string, number> = {};
    let final = 0;
    for (const badge of badges) {
      const state = badge.getAttribute('data-state') ?? 'none';
      states[state] = (states[state] ?? 0) + 1;
      if (state !== 'checking' && state !== 'none') final += 1;
    }
    if (final > watch.final) watch.finalSteps.push([now, final]);
    watch.final = final;
    watch.states = states;
    if (final >= expected && expected > 0) {
      watch.allFinalAt = now;
      performance.mark('verity-bench:all-final');
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] }),
  );
}
