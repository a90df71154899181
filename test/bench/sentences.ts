const places = ['harbour', 'central library', 'market hall', 'railway station', 'city museum', 'town hall', 'football stadium', 'botanical garden', 'swimming pool', 'old theatre'];
const news = [
  'reopens after a month of repairs',
  'extends its opening hours into the evening',
  'holds a free open day for families',
  'adds step-free access at every entrance',
  'starts guided tours for school groups',
  'switches to solar power for the summer',
  'hires twenty seasonal staff',
  'asks residents for ideas about its future',
  'closes one wing for a safety inspection',
  'publishes its first annual accessibility report',
];
const days = ['on Monday', 'on Tuesday', 'on Wednesday', 'on Thursday', 'on Friday', 'this weekend', 'next week', 'from next month', 'in the spring', 'before the holidays'];

/**
 * A distinct one-sentence news brief for every `index` of a `series`: the
 * kind of text AI proofs are made for, and never the same twice.
 */
export function newsBrief(series: string, index: number): string {
  const place = places[index % places.length]!;
  const event = news[Math.floor(index / places.length) % news.length]!;
  const day = days[(index * 7) % days.length]!;
  return `The ${place} ${event} ${day}, the council said (${series} brief ${index + 1}).`;
}
