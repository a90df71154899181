import type { FootnoteDefinition, Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** A link or image of the signed Markdown: the text a reader sees (an image's alt) and where it points. */
export type MarkdownLink = { kind: 'link' | 'image'; text: string; target: string };

/**
 * What a renderer's output of the Markdown shows, as a sequence of pieces:
 * text a reader sees, or a slot where renderers differ (how a footnote
 * reference is numbered, the back-reference arrows, a "Footnotes" heading).
 */
export type RenderedPiece = { text: string } | { slot: 'footnote-reference'; number: number; label: string } | { slot: 'footnotes-heading' } | { slot: 'back-reference' };

export type RenderMarkdownReturnType = { pieces: RenderedPiece[]; links: MarkdownLink[] };

/**
 * The rendering of CommonMark with GitHub's tables, strikethrough, autolinks
 * and footnotes (spec §4), read from micromark's syntax tree: the text
 * content a page showing it has, in document order, and its link and image
 * targets. Images show no text (their alt is not text content); raw HTML
 * shows the text between its tags; footnote definitions follow the body in
 * the order they are first referenced, as GitHub renders them.
 */
export function renderMarkdown(markdown: string): RenderMarkdownReturnType {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const definitions = new Map<string, string>();
  const footnotes = new Map<string, FootnoteDefinition>();
  collectDefinitions(tree, definitions, footnotes);

  const pieces: RenderedPiece[] = [];
  const links: MarkdownLink[] = [];
  const referenced: string[] = [];
  const walk = (node: Nodes): void => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        pieces.push({ text: node.value });
        return;
      case 'html':
        pieces.push({ text: node.value.replace(/<[^>]*>/g, '') });
        return;
      case 'image':
        links.push({ kind: 'image', text: node.alt ?? '', target: node.url });
        return;
      case 'imageReference':
        links.push({ kind: 'image', text: node.alt ?? '', target: definitions.get(node.identifier) ?? '' });
        return;
      case 'link':
      case 'linkReference': {
        const target = node.type === 'link' ? node.url : (definitions.get(node.identifier) ?? '');
        links.push({ kind: 'link', text: plainText(node), target });
        node.children.forEach(walk);
        return;
      }
      case 'footnoteReference': {
        if (!footnotes.has(node.identifier)) {
          pieces.push({ text: `[^${node.label ?? node.identifier}]` });
          return;
        }
        if (!referenced.includes(node.identifier)) referenced.push(node.identifier);
        pieces.push({ slot: 'footnote-reference', number: referenced.indexOf(node.identifier) + 1, label: node.label ?? node.identifier });
        return;
      }
      case 'definition':
      case 'footnoteDefinition':
        return;
      default:
        if ('children' in node) node.children.forEach(walk);
    }
  };
  walk(tree);

  if (referenced.length > 0) pieces.push({ slot: 'footnotes-heading' });
  // A definition may reference further footnotes: the list grows while it is walked.
  for (let index = 0; index < referenced.length; index++) {
    footnotes.get(referenced[index]!)!.children.forEach(walk);
    pieces.push({ slot: 'back-reference' });
  }
  return { pieces, links };
}

function collectDefinitions(node: Nodes | Root, definitions: Map<string, string>, footnotes: Map<string, FootnoteDefinition>): void {
  if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  if (node.type === 'footnoteDefinition' && !footnotes.has(node.identifier)) footnotes.set(node.identifier, node);
  if ('children' in node) for (const child of node.children) collectDefinitions(child, definitions, footnotes);
}

/** The text a node's rendering shows (images show none). */
function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if ('children' in node) return node.children.map(plainText).join('');
  return '';
}
