import { BaseError } from '../errors';
import { parseTrustList } from './list-parse';
import type { TrustList } from './list-schema';
import { isTrustListUrl } from './list-subscription';

/** A trust list is a short document: 512 KiB holds thousands of signers. */
export const trustListMaxBytes = 512 * 1024;
/** A list server slower than this is treated as down; the last good copy stays. */
export const trustListTimeoutMs = 10_000;

/** The list could not be fetched or read; `shortMessage` says why in a line. */
export class TrustListFetchError extends BaseError {
  override name = 'TrustListFetchError';
}

export type FetchTrustListParameters = {
  url: string;
  fetch?: typeof globalThis.fetch;
  maxBytes?: number;
  timeoutMs?: number;
};

export type FetchTrustListReturnType = Promise<TrustList>;

/**
 * Fetches and reads one trust list. Only https (or http on this computer),
 * also after redirects; no cookies or other credentials, so a list server
 * learns nothing about the reader; at most `maxBytes`, within `timeoutMs`.
 * Throws TrustListFetchError, wrapping a TrustListError for a bad document.
 */
export async function fetchTrustList({
  url,
  fetch = globalThis.fetch,
  maxBytes = trustListMaxBytes,
  timeoutMs = trustListTimeoutMs,
}: FetchTrustListParameters): FetchTrustListReturnType {
  if (!isTrustListUrl(url)) throw new TrustListFetchError('A trust list must be at an https address');
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await fetch(url, { credentials: 'omit', cache: 'no-cache', headers: { accept: 'application/json' }, signal });
  } catch (error) {
    const timedOut = signal.aborted;
    throw new TrustListFetchError(timedOut ? `No answer within ${timeoutMs / 1000} s` : "Couldn't reach the list's server", { cause: error });
  }
  if (response.url !== '' && !isTrustListUrl(response.url)) throw new TrustListFetchError('The list redirected to an address that is not https');
  if (!response.ok) throw new TrustListFetchError(`The list's server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`);
  const text = await readText({ response, maxBytes, signal, timeoutMs });
  const parsed = parseTrustList(text);
  if (!parsed.ok) throw new TrustListFetchError(parsed.error.shortMessage, { details: parsed.error.details, cause: parsed.error });
  return parsed.list;
}

/** The body as text, stopping once it passes `maxBytes` (a server may not say its size, or lie about it). */
async function readText({ response, maxBytes, signal, timeoutMs }: { response: Response; maxBytes: number; signal: AbortSignal; timeoutMs: number }): Promise<string> {
  const tooLarge = () => new TrustListFetchError(`The list is larger than ${Math.round(maxBytes / 1024)} KiB`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof TrustListFetchError) throw error;
    throw new TrustListFetchError(signal.aborted ? `No answer within ${timeoutMs / 1000} s` : 'The list could not be read to its end', { cause: error });
  }
}
