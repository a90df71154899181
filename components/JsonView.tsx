import type { ReactNode } from 'react';

/** Above this many characters, colouring costs more than it helps. */
const maxColouredLength = 60_000;

const tokenPattern = /("(?:\\.|[^"\\])*")(\s*:)?|\b(true|false|null)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;

/** Formatted JSON with keys, strings, numbers and literals told apart. */
export function JsonView({ value }: { value: unknown }) {
  const text = JSON.stringify(value, null, 2) ?? String(value);
  return (
    <pre className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-slate-50 p-3.5 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-800">
      <code>{text.length > maxColouredLength ? text : coloured(text)}</code>
    </pre>
  );
}

function coloured(text: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(tokenPattern)) {
    const index = match.index;
    if (index > last) parts.push(text.slice(last, index));
    const [token, string, colon, literal] = match;
    if (string !== undefined && colon !== undefined) {
      parts.push(
        <span key={index} className="text-slate-900 font-medium">
          {string}
        </span>,
        colon,
      );
    } else if (string !== undefined) {
      parts.push(
        <span key={index} className="text-emerald-800">
          {string}
        </span>,
      );
    } else {
      parts.push(
        <span key={index} className={literal ? 'text-purple-700' : 'text-sky-800'}>
          {token}
        </span>,
      );
    }
    last = index + token.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
