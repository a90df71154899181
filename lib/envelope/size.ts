/**
 * Size checks on what a page hands us. No schema here: the content script
 * uses these to refuse oversized proofs before anything is copied or sent.
 */

export type SizeReasonParameters = {
  text: string;
  /** In UTF-8 bytes. */
  limit: number;
  /** What the text is, to start the reason with. */
  name: string;
};

/**
 * Why `text` is over `limit` UTF-8 bytes, or undefined when it is not. A
 * string longer than the limit in UTF-16 code units is rejected at once,
 * unread (UTF-8 takes at least one byte per code unit), so a 5 MB attribute
 * costs nothing.
 */
export function sizeReason({ text, limit, name }: SizeReasonParameters): string | undefined {
  if (text.length > limit) return `${name} is at least ${count(text.length)} bytes; the limit is ${count(limit)}`;
  const bytes = utf8Length(text);
  return bytes > limit ? `${name} is ${count(bytes)} bytes; the limit is ${count(limit)}` : undefined;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00 && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      index += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** `5,242,880`. By hand: the first Intl call costs tens of milliseconds. */
function count(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+$)/g, ',');
}
