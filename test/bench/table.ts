export type TableColumn = {
  header: string;
  /** Numbers read best right-aligned. */
  align?: 'left' | 'right';
};

/** A plain-text table: a header row, a rule, then one line per row. */
export function formatTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((column, index) => Math.max(column.header.length, ...rows.map((row) => (row[index] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, index) => (columns[index]!.align === 'right' ? cell.padStart(widths[index]!) : cell.padEnd(widths[index]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** A section heading, underlined. */
export function heading(title: string): string {
  return `\n${title}\n${'='.repeat(title.length)}`;
}

/** Fixed decimals with thousands separators: 12,345.6. */
export function formatNumber(value: number, decimals = 0): string {
  return value.toLocaleString('en', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** "3 verified, 1 invalid": how many of each value, in first-seen order. */
export function tally(values: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].map(([value, count]) => `${count} ${value}`).join(', ');
}

/** A subsection heading, underlined lighter than a section's. */
export function subheading(title: string): string {
  return `\n${title}\n${'-'.repeat(title.length)}`;
}
