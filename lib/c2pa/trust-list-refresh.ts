import { BaseError } from '../errors';
import { readPemCertificates } from './pem-certificates';

/** A trust list as last fetched and accepted. */
export type TrustListCopy = { pem: string; fetchedAt: string; certificates: number };

/** What is known of one refreshed list: its last good copy, and the last refresh's failure, kept until one succeeds. */
export type TrustListStatus = { copy?: TrustListCopy; checkedAt?: string; error?: string };

export type RefreshTrustListParameters = {
  url: string;
  read: () => Promise<TrustListStatus | undefined>;
  write: (status: TrustListStatus) => Promise<void>;
  /** The C2PA Trust List is about 40 kB; a larger answer is no trust list. */
  maxBytes?: number;
  timeoutMs?: number;
  now?: () => Date;
};

/** A refresh that got no list it could use. */
export class TrustListRefreshError extends BaseError {
  override name = 'TrustListRefreshError';
}

/**
 * Fetches a trust list and keeps it if every block of it is an X.509
 * certificate. A list that cannot be fetched, is too large, or does not
 * parse is refused: the last good copy stays (the shipped one while there is
 * none) and the error is kept beside it. No cookies go with the request.
 */
export async function refreshTrustList({ url, read, write, maxBytes = 512 * 1024, timeoutMs = 20_000, now = () => new Date() }: RefreshTrustListParameters): Promise<TrustListStatus> {
  const previous = (await read()) ?? {};
  const checkedAt = now().toISOString();
  let status: TrustListStatus;
  try {
    const pem = await fetchText(url, maxBytes, timeoutMs);
    let certificates: number;
    try {
      certificates = readPemCertificates(pem).length;
    } catch (error) {
      throw new TrustListRefreshError(`The list fetched is not a list of certificates: ${error instanceof BaseError ? error.shortMessage : String(error)}`, { cause: error });
    }
    status = { copy: { pem, fetchedAt: checkedAt, certificates }, checkedAt };
  } catch (error) {
    const message = error instanceof BaseError ? error.shortMessage : `The list could not be fetched (${error instanceof Error ? error.message : String(error)})`;
    status = { ...(previous.copy && { copy: previous.copy }), checkedAt, error: message };
  }
  await write(status);
  return status;
}

async function fetchText(url: string, maxBytes: number, timeoutMs: number): Promise<string> {
  const response = await fetch(url, { credentials: 'omit', cache: 'no-cache', signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) {
    await response.body?.cancel();
    throw new TrustListRefreshError(`The list could not be fetched: HTTP ${response.status}`);
  }
  const tooLarge = () => new TrustListRefreshError(`The list fetched is larger than ${Math.round(maxBytes / 1024)} kB`);
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const reader = response.body!.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(part.value);
  }
  const bytes = new Uint8Array(size);
  chunks.reduce((offset, chunk) => (bytes.set(chunk, offset), offset + chunk.byteLength), 0);
  return new TextDecoder().decode(bytes);
}
