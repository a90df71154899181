import { deflateSync } from 'node:zlib';
import { readEasExplorerLink } from '../../lib/eas/explorer-link';
import { findProofs } from '../../lib/extract/find-proofs';
import { parseHtml } from '../../lib/extract/parse-html';
import { diffTexts } from '../../lib/text/diff';
import { scanTokens } from '../../lib/text/tokens';
import { formatNumber, formatTable, heading } from './table';

const explanation = `Inputs a hostile page or link can hand the verification core, each of which a
careless algorithm would take minutes over. The unit tests check what each
returns; the time is here, the slowest of a few runs beside its budget.`;

type HostileInput = { name: string; budgetMs: number; run: () => void };

const words = (count: number, word: (index: number) => string) => Array.from({ length: count }, (_, index) => word(index)).join(' ');

function hostileInputs(): HostileInput[] {
  const original = Array.from({ length: 30_000 }, (_, index) => `w${index % 997}`);
  const changed = [...original];
  changed[10] = 'X';
  changed[15_000] = 'Y';
  changed.splice(29_000, 3);
  // Joined here, so that only the diff is timed.
  const fewChanges = { signed: original.join(' '), shown: changed.join(' ') };
  const nothingShared = { signed: `same ${words(30_000, (index) => `s${index}`)} end`, shown: `same ${words(30_000, (index) => `t${index}`)} end` };
  const repeatedWord = { signed: words(60_000, (index) => (index % 100 === 0 ? 'y' : 'x')), shown: words(60_000, (index) => (index % 150 === 0 ? 'z' : 'x')) };
  const fakeTokens = `ai-proof:v1:${'A'.repeat(64)} `.repeat(70_000);
  // About 10 KB of base64 that inflates to 50 MB.
  const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024, 0x20), { level: 9 }).toString('base64');
  // Parsing is the page's cost, not Verity's: parsed once, and only findProofs timed.
  const fakeAttributes = parseHtml(`<div data-ai-proof="${'A'.repeat(5 * 1024 * 1024)}">big</div>${'<i data-ai-proof="x"></i>'.repeat(20_000)}`);
  return [
    { name: 'diff, 30,000 words, three changes', budgetMs: 1_000, run: () => diffTexts(fewChanges) },
    { name: 'diff, 30,000 words sharing none', budgetMs: 1_000, run: () => diffTexts(nothingShared) },
    { name: 'diff, 60,000 of one word, scattered edits', budgetMs: 2_000, run: () => diffTexts(repeatedWord) },
    { name: 'token scan, 5 MB of fake tokens', budgetMs: 1_000, run: () => scanTokens({ text: fakeTokens, limit: 500 }) },
    { name: 'explorer link inflating to 50 MB', budgetMs: 1_000, run: () => readEasExplorerLink(`https://easscan.org/offchain/url/#attestation=${encodeURIComponent(bomb)}`) },
    { name: 'find proofs, 20,000 fake attributes and a 5 MB one', budgetMs: 5_000, run: () => findProofs(fakeAttributes) },
  ];
}

/** Section: the worst of `runs` timings of each hostile input, beside its budget. */
export function runHostileInputsSection({ runs }: { runs: number }): void {
  console.log(heading('Hostile inputs to the core'));
  console.log(explanation);
  const rows = hostileInputs().map(({ name, budgetMs, run }) => {
    const times = Array.from({ length: runs }, () => {
      const started = performance.now();
      run();
      return performance.now() - started;
    });
    const worst = Math.max(...times);
    return [name, formatNumber(worst, 1), formatNumber(budgetMs), worst <= budgetMs ? 'met' : 'NOT met'];
  });
  console.log(
    formatTable(
      [{ header: 'input' }, { header: 'worst ms', align: 'right' }, { header: 'budget ms', align: 'right' }, { header: 'budget' }],
      rows,
    ),
  );
}
