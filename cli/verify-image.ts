import { readFile } from 'node:fs/promises';
import type { AnchorSet } from '../lib/c2pa/anchor-sets';
import { checkImage } from '../lib/c2pa/check-image';
import type { ImageVerdict } from '../lib/c2pa/image-verdict';
import { imageHeadline, signedOnWords } from '../lib/c2pa/image-words';
import { readPemCertificates, type PemCertificatesError } from '../lib/c2pa/pem-certificates';
import { escapeJsonForTerminal, terminalSafe } from '../lib/text/terminal-safe';
import type { C2paTrust } from '../lib/trust/c2pa-trust';
import { UsageError } from './args';
import { startC2paEngine } from './c2pa-engine';
import { readShippedTrustLists } from './shipped-trust-lists';

export type VerifyImageParameters = {
  source: string;
  bytes: Uint8Array;
  contentType?: string | undefined;
  /** `--c2pa-anchors` files. */
  anchorPaths: readonly string[];
  /** The `c2pa` section of the `--config` file: its anchors and whether the retired interim list counts. */
  configTrust?: C2paTrust | undefined;
  json: boolean;
};

/**
 * `verity verify image.jpg`: the image's Content Credentials checked by the
 * same core as the extension's (lib/c2pa), printed as a few lines or JSON.
 * Trusted: the C2PA Trust List as shipped, the anchors the reader gave
 * (`--c2pa-anchors` files, the `--config` file's), and the retired interim
 * list when the `--config` file turns it on.
 */
export async function verifyImage({ source, bytes, contentType, anchorPaths, configTrust, json }: VerifyImageParameters): Promise<string> {
  const trustAnchors = await imageTrustAnchors({ anchorPaths, configTrust });
  startC2paEngine();
  const verdict = await checkImage({ bytes, declaredType: contentType, trustAnchors });
  return json ? escapeJsonForTerminal(JSON.stringify({ source, image: verdict }, null, 2)) : imageLines(source, verdict).join('\n');
}

/**
 * What an image's signer may chain to, by source: the C2PA Trust List as
 * shipped, the reader's (`--c2pa-anchors` files, where a file without a
 * certificate is a usage error, and the `--config` file's), and the retired
 * interim list when the `--config` file turns it on.
 */
export async function imageTrustAnchors({ anchorPaths, configTrust }: Pick<VerifyImageParameters, 'anchorPaths' | 'configTrust'>): Promise<AnchorSet[]> {
  const given = (await Promise.all(anchorPaths.map(readAnchors))).join('\n');
  const shipped = readShippedTrustLists();
  return [
    { source: 'c2pa-trust-list', pem: shipped.official },
    { source: 'c2pa-tsa-list', pem: shipped.tsa },
    { source: 'reader', pem: [configTrust?.anchors ?? '', given].join('\n') },
    { source: 'interim', pem: configTrust?.interimList === true ? shipped.interim : '' },
  ];
}

async function readAnchors(path: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--c2pa-anchors ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  try {
    readPemCertificates(pem);
  } catch (error) {
    throw new UsageError(`--c2pa-anchors ${path}: ${(error as PemCertificatesError).shortMessage}`, { cause: error });
  }
  return pem;
}

/** Everything said here that comes from the image goes through terminalSafe: a manifest is written by anyone. */
function imageLines(source: string, verdict: ImageVerdict | null): string[] {
  const lines = [`Verity · ${terminalSafe(source)} · image`, ''];
  if (verdict === null) return [...lines, 'No Content Credentials (C2PA manifest) in this image.'];
  const safe = (text: string) => terminalSafe(text);
  lines.push(`${verdict.state.padEnd(11)}  ${safe(imageHeadline(verdict))}`);
  if (verdict.claims !== undefined) lines.push(`             ${safe(verdict.reason)}`);
  const indent = (label: string, text: string) => lines.push(`  ${label.padEnd(11)}  ${text}`);
  if (verdict.ai.generated) indent('AI', verdict.ai.sources.map((source) => `${source.digitalSourceType} (${source.action}${source.fromIngredient ? ', in an ingredient' : ''})`).join('; '));
  const { claims } = verdict;
  if (claims !== undefined) {
    lines.push('', '  The manifest claims:');
    if (claims.claimGenerator !== undefined) indent('generator', safe(claims.claimGenerator));
    if (claims.signer !== undefined) indent('signer', safe(claims.issuer === undefined || claims.issuer === claims.signer ? claims.signer : `${claims.signer} (${claims.issuer})`));
    if (claims.signedAt !== undefined) indent('signed at', safe(signedOnWords(claims.signedAt, verdict.timeStamp)));
    if (claims.actions.length > 0) indent('actions', safe(claims.actions.map(({ action }) => action).join(', ')));
  }
  for (const ingredient of verdict.ingredients) indent('ingredient', safe(`${ingredient.title ?? 'untitled'} (${ingredient.relationship ?? 'ingredient'}): ${ingredient.state ?? 'no manifest'}`));
  if (verdict.failures.length > 0) indent('codes', safe([...new Set(verdict.failures.map(({ code }) => code))].join(', ')));
  return lines;
}
