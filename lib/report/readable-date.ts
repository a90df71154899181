const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * `4 December 2026, 14:05 UTC`: a time as a reader writes it in a citation,
 * to the minute, the same in every locale and time zone. An unreadable
 * time is given back as it came.
 */
export function readableDate(time: Date | number | string): string {
  const date = new Date(time);
  if (Number.isNaN(date.getTime())) return String(time);
  const two = (value: number) => String(value).padStart(2, '0');
  return `${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()}, ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}
