import { createChainAccess } from '../lib/chain/access';
import { sniffImageFormat } from '../lib/c2pa/image-format';
import { findProofs } from '../lib/extract/find-proofs';
import { shownLinksOf } from '../lib/extract/shown-links';
import type { TrustConfig } from '../lib/trust/schema';
import { verifySnippet } from '../lib/verifiers/verify-snippet';
import { pathToFileURL } from 'node:url';
import { resolve as resolvePath } from 'node:path';
import { UsageError, type VerifyCommand } from './args';
import { readExplorerLinkSource } from './explorer-link-source';
import { formatJson, type CheckedSnippet } from './format-json';
import { formatReport } from './format-report';
import { formatTable } from './format-table';
import { checkPageImages, pageImageElements } from './page-images';
import { readSource } from './read-source';
import { SourceError } from './source-error';
import { textToHtml } from './text-to-html';
import { imageTrustAnchors, verifyImage } from './verify-image';

export type VerifyParameters = { args: VerifyCommand; trust: TrustConfig; version: string };

/**
 * `verity verify SOURCE` (spec §8): what it prints. Loaded only for this
 * command, as what it needs (an HTML parser, the chain readers, the
 * verifiers, the C2PA engine) takes seconds to load that help and the
 * publishing commands do not need.
 */
export async function verify({ args, trust, version }: VerifyParameters): Promise<string> {
  const read = (await readExplorerLinkSource({ source: args.source, textPath: args.textPath })) ?? (await readSource(args.source));
  if (read.bytes !== undefined && sniffImageFormat(read.bytes) !== undefined) {
    if (args.report !== undefined) throw new UsageError('--report is for pages: an image SOURCE prints its verdict, or JSON with --json');
    return await verifyImage({ source: args.source, bytes: read.bytes, contentType: read.contentType, anchorPaths: args.c2paAnchorPaths, configTrust: trust.c2pa, json: args.json });
  }
  const { content, isHtml, url } = read;
  // jsdom alone takes about a second to load: not for an image, or a source that could not be read.
  const { parseHtml, ParseHtmlError } = await import('../lib/extract/parse-html');
  let document: Document;
  try {
    document = parseHtml(isHtml ? content : textToHtml(content), url);
  } catch (error) {
    if (error instanceof ParseHtmlError) throw new SourceError(`Cannot read ${args.source}: ${error.message}`);
    throw error;
  }
  const { snippets, skipped } = findProofs(document);
  const chains = createChainAccess({ trust });
  const checked: CheckedSnippet[] = await Promise.all(
    snippets.map(async (snippet) => {
      const verdict = await verifySnippet({
        decoded: snippet.decoded,
        shownText: snippet.shownText,
        shownTextComplete: snippet.shownTextComplete,
        shownLinks: shownLinksOf(snippet.element),
        trust,
        chains,
      });
      return { index: snippet.index, form: snippet.form, raw: snippet.raw, verdict, checkedAt: new Date() };
    }),
  );
  // Then the page's images: resolved against the page's address, or a file page's own place.
  const pageUrl = url ?? (args.source === '-' || read.bytes === undefined ? undefined : pathToFileURL(resolvePath(args.source)).href);
  const pageImages = pageImageElements(document);
  const trustAnchors = pageImages.some((image) => image.hasAttribute('src')) ? await imageTrustAnchors({ anchorPaths: args.c2paAnchorPaths, configTrust: trust.c2pa }) : [];
  const { images, notChecked: imagesNotChecked } = await checkPageImages({ document, images: pageImages, pageUrl, trustAnchors });
  const result = { source: args.source, snippets: checked, notChecked: skipped, images, imagesNotChecked };
  if (args.report !== undefined) {
    const title = document.title.trim();
    return formatReport({ ...result, format: args.report, ...(url !== undefined && { url }), ...(title !== '' && { title }), version, generatedAt: new Date() });
  }
  return args.json
    ? formatJson(result)
    : formatTable({ ...result, color: process.stdout.isTTY === true && !process.env.NO_COLOR, width: process.stdout.columns });
}
