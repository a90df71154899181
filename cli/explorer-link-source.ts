import { readEasExplorerLink } from '../lib/eas/explorer-link';
import { proofAttribute } from '../lib/extract/carriers';
import { canonicalText } from '../lib/text/canonical';
import { UsageError } from './args';
import { readSource, type ReadSourceReturnType } from './read-source';
import { SourceError } from './source-error';
import { textToHtml } from './text-to-html';

export type ReadExplorerLinkSourceParameters = {
  source: string;
  /** `--text`: where the text the attestation signs is read from (a file, a URL, or - for standard input). */
  textPath: string | undefined;
  stdin?: NodeJS.ReadableStream;
};

export type ReadExplorerLinkSourceReturnType = Promise<ReadSourceReturnType | undefined>;

/**
 * SOURCE as an EAS explorer share link (spec §3c), undefined for any other
 * SOURCE. The link's fragment never reaches a server, so it is not
 * fetched: its attestation becomes a page with one attribute-form proof
 * around the text given with `--text`, verified as any page is. The link
 * carries no text, and a proof is never verified against an empty one, so
 * without `--text` it is a usage error that asks for the text.
 */
export async function readExplorerLinkSource({ source, textPath, stdin }: ReadExplorerLinkSourceParameters): ReadExplorerLinkSourceReturnType {
  const link = readEasExplorerLink(source);
  if (link === undefined) {
    if (textPath !== undefined) throw new UsageError('--text is for an EAS explorer link SOURCE (…/offchain/url/#attestation=…): a page shows its own text');
    return undefined;
  }
  if (!link.ok) throw new SourceError(`Cannot read the EAS explorer link ${source}: ${link.reason}`);
  if (textPath === undefined) {
    throw new UsageError('An EAS explorer link carries no text: give the text its attestation signs with --text FILE (- for standard input)');
  }
  const { content } = await readSource(textPath, stdin);
  if (canonicalText(content) === '') throw new UsageError(`--text ${textPath} holds no text: give the text the attestation signs`);
  const envelope = JSON.stringify(link.envelope).replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  return { content: textToHtml(content).replace('<body>', `<body ${proofAttribute}="${envelope}">`), isHtml: true };
}
