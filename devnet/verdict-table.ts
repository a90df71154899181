/** One snippet's row in `npm start`'s table: the badge's state beside the expected one. */
export type VerdictRow = { index: number; state: string; expected: string; excerpt: string };

/** Prints the rows, a ✗ on each that differs, then "N of M as expected" after `title`. */
export function printVerdictTable(title: string, rows: readonly VerdictRow[]): void {
  const excerptWidth = 60;
  const clip = (text: string) => (text.length > excerptWidth ? `${text.slice(0, excerptWidth - 1)}…` : text);
  const stateWidth = Math.max(5, ...rows.map((row) => row.state.length));
  const expectedWidth = Math.max(8, ...rows.map((row) => row.expected.length));
  const indexWidth = Math.max(1, String(rows.length).length);
  const line = (index: string, mark: string, state: string, expected: string, excerpt: string) =>
    `${index.padStart(indexWidth)} ${mark} ${state.padEnd(stateWidth)}  ${expected.padEnd(expectedWidth)}  ${excerpt}`;
  console.log(`\n${title}\n${line('#', ' ', 'state', 'expected', 'excerpt')}`);
  for (const { index, state, expected, excerpt } of rows) {
    console.log(line(String(index), state === expected ? ' ' : '✗', state, expected, clip(excerpt)));
  }
  const matching = rows.filter((row) => row.state === row.expected).length;
  console.log(`\n${matching} of ${rows.length} as expected`);
}
