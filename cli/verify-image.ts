import { readFile } from 'node:fs/promises';
import { checkImage } from '../lib/c2pa/check-image';
import type { ImageVerdict } from '../lib/c2pa/image-verdict';
import { imageHeadline } from '../lib/c2pa/image-words';
import { escapeJsonForTerminal, terminalSafe } from '../lib/text/terminal-safe';
import { UsageError } from './args';
import { startC2paEngine } from './c2pa-engine';

export type VerifyImageParameters = {
  source: string;
  bytes: Uint8Array;
  contentType?: string | undefined;
  /** `--c2pa-anchors` files. */
  anchorPaths: readonly string[];
  json: boolean;
};

/**
 * `verity verify image.jpg`: the image's Content Credentials checked by the
 * same core as the extension's (lib/c2pa), printed as a few lines or JSON.
 * Only the anchors given count: the C2PA Trust List is not shipped yet.
 */
export async function verifyImage({ source, bytes, contentType, anchorPaths, json }: VerifyImageParameters): Promise<string> {
  const trustAnchors = await readC2paAnchors(anchorPaths);
  startC2paEngine();
  const verdict = await checkImage({ bytes, declaredType: contentType, trustAnchors });
  return json ? escapeJsonForTerminal(JSON.stringify({ source, image: verdict }, null, 2)) : imageLines(source, verdict).join('\n');
}

/** The `--c2pa-anchors` files' PEM text, one after another; a file without a certificate is a usage error. */
export async function readC2paAnchors(anchorPaths: readonly string[]): Promise<string> {
  return (await Promise.all(anchorPaths.map(readAnchors))).join('\n');
}

async function readAnchors(path: string): Promise<string> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--c2pa-anchors ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, { cause: error });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new UsageError(`--c2pa-anchors ${path}: holds no PEM certificate`);
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
    if (claims.signedAt !== undefined) indent('signed at', safe(claims.signedAt));
    if (claims.actions.length > 0) indent('actions', safe(claims.actions.map(({ action }) => action).join(', ')));
  }
  for (const ingredient of verdict.ingredients) indent('ingredient', safe(`${ingredient.title ?? 'untitled'} (${ingredient.relationship ?? 'ingredient'}): ${ingredient.state ?? 'no manifest'}`));
  if (verdict.failures.length > 0) indent('codes', safe([...new Set(verdict.failures.map(({ code }) => code))].join(', ')));
  return lines;
}
