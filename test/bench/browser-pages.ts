import type { Page } from 'playwright-core';
import { badgeStatesIn } from '../badge-states';
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
 * (`verity-badge`) as the content script adds them, from a
 * MutationObserver that starts at DOMContentLoaded (before the content
 * script's document_idle), so the page's parsing is not observed. Times
 * are performance.now(): ms since navigation start. It also puts
 * performance marks in the trace. The verdicts the badges show are out of
 * the page's sight (closed shadow roots): watchFinalStates reads them.
 */
export function installBadgeWatch(): void {
  const expected = Number(new URLSearchParams(location.search).get('proofs') ?? '0');
  const watch: BadgeWatch = { expected, badges: 0, final: 0, finalSteps: [], states: {} };
  (window as unknown as { verityBench: BadgeWatch }).verityBench = watch;
  const badges = new Set<Element>();
  const observer = new MutationObserver((records) => {
    const now = performance.now();
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName !== 'VERITY-BADGE' || badges.has(node as Element)) continue;
        badges.add(node as Element);
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
  });
  document.addEventListener('DOMContentLoaded', () =>
    observer.observe(document, { childList: true, subtree: true }),
  );
}

export type WatchFinalStatesOptions = {
  timeout?: number;
  interval?: number;
  /**
   * Read nothing until this settles: no verdict can come before it, and each
   * read is work on the page's main thread; read every 50 ms from a browser's
   * start, they made storage.managed's answer a second late in 12 of 13
   * starts (docs/protocol.md §13).
   */
  after?: Promise<unknown>;
};

/**
 * Reads the page's badge states from outside, through the DevTools
 * protocol, every `interval` ms until every expected badge shows a final
 * verdict (not "checking"): fills in the watch's `final`, `finalSteps`,
 * `states` and `allFinalAt`, in ms since navigation start. Times are as
 * fine as the interval.
 */
export async function watchFinalStates(page: Page, { timeout = 60_000, interval = 50, after }: WatchFinalStatesOptions = {}): Promise<BadgeWatch> {
  const timeOrigin = await page.evaluate(() => performance.timeOrigin);
  const deadline = Date.now() + timeout;
  await after;
  const finalSteps: [number, number][] = [];
  for (let last = 0; ; ) {
    const states = await badgeStatesIn(page);
    const now = Date.now() - timeOrigin;
    const final = states.filter((state) => state !== null && state !== 'checking').length;
    if (final > last) finalSteps.push([now, (last = final)]);
    const watch = await page.evaluate(() => (window as unknown as { verityBench: BadgeWatch }).verityBench);
    if (final >= watch.expected && watch.expected > 0) {
      const counted: Record<string, number> = {};
      for (const state of states) counted[state ?? 'none'] = (counted[state ?? 'none'] ?? 0) + 1;
      return { ...watch, final, finalSteps, states: counted, allFinalAt: now };
    }
    if (Date.now() > deadline) throw new Error(`${final} of ${watch.expected} badges final after ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
