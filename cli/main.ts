import { createRequire } from 'node:module';
import { createChainAccess } from '../lib/chain/access';
import { findProofs } from '../lib/extract/find-proofs';
import { parseHtml, ParseHtmlError } from '../lib/extract/parse-html';
import { TrustConfigError } from '../lib/trust/parse';
import type { TrustConfig } from '../lib/trust/schema';
import { verifySnippet } from '../lib/verifiers/verify-snippet';
import { shownLinksOf } from '../lib/extract/shown-links';
import { terminalSafe } from '../lib/text/terminal-safe';
import { parseCliArgs, usage, UsageError, type VerifyCommand } from './args';
import { loadTrustConfig } from './trust-config';
import { attestationHelp, attestationUsageOf, isAttestationCommand, isAttestationHelp, parseAttestationArgs, runAttestationCommand } from './attestation-commands';
import { runEmbed } from './embed';
import { embedHelpText, embedUsage, EmbedUsageError, parseEmbedArgs } from './embed-args';
import { formatJson, type CheckedSnippet } from './format-json';
import { formatReport } from './format-report';
import { formatTable } from './format-table';
import { readExplorerLinkSource } from './explorer-link-source';
import { readSource } from './read-source';
import { imageTrustAnchors, verifyImage } from './verify-image';
import { checkPageImages } from './page-images';
import { pathToFileURL } from 'node:url';
import { resolve as resolvePath } from 'node:path';
import { sniffImageFormat } from '../lib/c2pa/image-format';
import { SourceError } from './source-error';
import { textToHtml } from './text-to-html';

/** Exit statuses of spec §8. */
const exit = { ok: 0, unreadableSource: 1, usage: 2 } as const;

async function main(argv: readonly string[]): Promise<number> {
  try {
    const args = parseAttestationArgs(argv) ?? (argv[0] === 'embed' ? parseEmbedArgs(argv.slice(1)) : parseCliArgs(argv));
    if (isAttestationHelp(args)) return print(attestationHelp(args.topic), exit.ok);
    if (args.command === 'help') return print('topic' in args ? `${embedUsage}\n\n${embedHelpText}` : `${usage}\n\n${helpText}`, exit.ok);
    if (args.command === 'version') return print(packageVersion(), exit.ok);
    if (args.command === 'embed') return await runEmbed(args);
    if (isAttestationCommand(args)) return await runAttestationCommand(args);
    const trust = await loadTrustConfig(args);
    return await verify(args, trust);
  } catch (error) {
    const attestationUsage = attestationUsageOf(error);
    if (attestationUsage !== undefined) return fail(`${(error as Error).message}\n${attestationUsage}`, exit.usage);
    if (error instanceof EmbedUsageError) return fail(`${error.message}\n${embedUsage}`, exit.usage);
    if (error instanceof UsageError) return fail(`${error.message}\n${usage}`, exit.usage);
    if (error instanceof TrustConfigError) {
      const more = error.issues.length > 1 ? `\n${error.details}` : '';
      return fail(`Configuration error: ${error.message}${more}`, exit.usage);
    }
    if (error instanceof SourceError) return fail(error.message, exit.unreadableSource);
    throw error;
  }
}

async function verify(args: VerifyCommand, trust: TrustConfig): Promise<number> {
  const read = (await readExplorerLinkSource({ source: args.source, textPath: args.textPath })) ?? (await readSource(args.source));
  if (read.bytes !== undefined && sniffImageFormat(read.bytes) !== undefined) {
    if (args.report !== undefined) throw new UsageError('--report is for pages: an image SOURCE prints its verdict, or JSON with --json');
    return print(await verifyImage({ source: args.source, bytes: read.bytes, contentType: read.contentType, anchorPaths: args.c2paAnchorPaths, configTrust: trust.c2pa, json: args.json }), exit.ok);
  }
  const { content, isHtml, url } = read;
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
  const trustAnchors = document.querySelector('img[src]') === null ? [] : await imageTrustAnchors({ anchorPaths: args.c2paAnchorPaths, configTrust: trust.c2pa });
  const { images, notChecked: imagesNotChecked } = await checkPageImages({ document, pageUrl, trustAnchors });
  const result = { source: args.source, snippets: checked, notChecked: skipped, images, imagesNotChecked };
  if (args.report !== undefined) {
    const title = document.title.trim();
    return print(
      formatReport({ ...result, format: args.report, ...(url !== undefined && { url }), ...(title !== '' && { title }), version: packageVersion(), generatedAt: new Date() }),
      exit.ok,
    );
  }
  const output = args.json
    ? formatJson(result)
    : formatTable({ ...result, color: process.stdout.isTTY === true && !process.env.NO_COLOR, width: process.stdout.columns });
  return print(output, exit.ok);
}

function packageVersion(): string {
  const require = createRequire(import.meta.url);
  return (require('../package.json') as { version: string }).version;
}

const helpText = `Finds AI proofs in a page and checks each against the chain.

SOURCE        an HTML or text file, an http(s) URL, or - for standard input;
              or an EAS explorer link (…/offchain/url/#attestation=…), with --text;
              or an image (file or URL): its Content Credentials (C2PA) are checked
--config FILE a trust configuration (JSON) merged over the built-in defaults
--rpc ID=URL  use URL as the RPC of chain ID (repeatable)
--json        print one JSON object instead of a table
--report md   print a Verity report as Markdown: a summary table, then every
              check, chain fact and envelope, snippet by snippet
--report json print the same report as one JSON object
              (schema: docs/report-v1.schema.json)
--text FILE   the text an EAS explorer link's attestation signs (- for
              standard input): the link carries none
--c2pa-anchors FILE  PEM certificates an image's signer may chain to, to be
              verified (repeatable), besides the C2PA Trust List shipped with
              Verity; a --config file's "c2pa": { "anchors": PEM, "interimList":
              true } adds its own, and the retired interim list

Exit status: 0 when every proof got a verdict, 1 when SOURCE cannot be read,
2 for a usage or configuration error.

To make proofs from what AI tools return: verity embed --help
To attest a text with your own key: verity attest --help`;

function print(text: string, code: number): number {
  process.stdout.write(`${text}\n`);
  return code;
}

/** Errors may quote a URL, a file or a configuration: shown terminal-safe. */
function fail(text: string, code: number): number {
  process.stderr.write(`verity: ${terminalSafe(text, { keepLayout: true })}\n`);
  return code;
}

process.exitCode = await main(process.argv.slice(2));
