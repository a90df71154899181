/** Text for HTML content or a double-quoted attribute value: every character that could end either is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Plain text as HTML a reader sees as the same text: a paragraph per run of
 * non-blank lines, `<br>` for a single line break. Its canonical text (spec
 * §5) is the text's canonical text, since `p` and `br` both count as a space.
 */
export function plainTextToHtml(text: string): string {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.replace(/^\s+|\s+$/g, ''))
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split(/\r?\n/).map(escapeHtml).join('<br>\n')}</p>`)
    .join('\n');
}

/**
 * JSON inside a `<script>` element. `<` as \u003c means no `</script>` or
 * `<!--` in the data can end or change the element; `>`, `&` and the line
 * separators U+2028/U+2029 are escaped too, so the text is also safe pasted
 * into a JavaScript string or an XHTML page. JSON reads all of them back unchanged.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
