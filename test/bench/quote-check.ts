import { checkQuote, type QuoteSource } from '../../lib/quote/check-quote';
import { newsBrief } from './sentences';
import { formatNumber, formatTable, heading } from './table';
import { ratePerSecond, runRounds } from './timing';

export type QuoteCheckSectionParameters = {
  /** Proofs on the page, each with a signed text of `briefsPerProof` news briefs. */
  proofs: number;
  briefsPerProof: number;
  /** Timed time per case, at the least. */
  minMsPerCase: number;
};

const explanation = `"Verify selection" and a quote pasted in the popup run lib/quote/check-quote.ts
over the signed texts of every proof of the page, in the worker. The page
here has the per-page cap of proofs, each signing a text of a few hundred
words. Cases: a short quote inside the snippet the selection touches (the
fast path), the same quote found in the last proof of the page, a long
quote running across three snippets, and a quote no proof signs (every
text is read to the end). ms/check is the mean over repeated checks.`;

/** `heldParts`: how many pieces a proof holds in the right answer, checked before timing. */
type QuoteCase = { name: string; quote: string; within: string[]; heldParts: number };

/** Section: quote-check time on a page of `proofs` signed texts. */
export async function runQuoteCheckSection({ proofs, briefsPerProof, minMsPerCase }: QuoteCheckSectionParameters): Promise<void> {
  console.log(heading('Quote check ("Verify selection")'));
  console.log(explanation);
  const sources: QuoteSource[] = Array.from({ length: proofs }, (_, index) => ({
    id: `p${index}`,
    signedText: Array.from({ length: briefsPerProof }, (_, brief) => newsBrief(`proof ${index}`, brief)).join(' '),
  }));
  const words = sources.reduce((total, source) => total + source.signedText.split(' ').length, 0);
  const last = sources.at(-1)!;
  const middle = sources[Math.floor(proofs / 2)]!;
  const shortQuote = last.signedText.split(' ').slice(40, 52).join(' ');
  const spanning = [sources[1]!, sources[2]!, sources[3]!].map((source) => source.signedText).join(' ');
  const cases: QuoteCase[] = [
    { name: 'short, in its own snippet', quote: shortQuote, within: [last.id], heldParts: 1 },
    { name: 'short, found in the last proof', quote: shortQuote, within: [middle.id], heldParts: 1 },
    { name: `${formatNumber(spanning.split(' ').length)} words across 3 snippets`, quote: spanning, within: [], heldParts: 3 },
    { name: 'signed by no proof', quote: 'Lighthouse keepers retire quietly as fog rolls over quays', within: [], heldParts: 0 },
  ];

  const rows: string[][] = [];
  for (const { name, quote, within, heldParts } of cases) {
    const { parts } = checkQuote({ quote, sources, within });
    // A benchmark of a wrong answer is no benchmark.
    const held = parts.filter((part) => part.sourceId !== null).length;
    if (held !== heldParts) throw new Error(`Quote case "${name}": ${held} pieces held by a proof, expected ${heldParts}.`);
    const timed = await runRounds({ round: async () => (checkQuote({ quote, sources, within }), 1), minMs: minMsPerCase, minRounds: 3 });
    rows.push([name, String(parts.length), formatNumber(timed.elapsedMs / timed.operations, 2), formatNumber(ratePerSecond(timed), 1)]);
  }
  console.log(`\n${proofs} proofs, ${formatNumber(words)} signed words in all.\n`);
  console.log(
    formatTable(
      [{ header: 'quote' }, { header: 'pieces', align: 'right' }, { header: 'ms/check', align: 'right' }, { header: 'checks/s', align: 'right' }],
      rows,
    ),
  );
}
