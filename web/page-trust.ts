import { BaseError } from '../lib/errors';
import { defaultTrustConfig } from '../lib/trust/defaults';
import { parseTrustConfig } from '../lib/trust/parse';
import type { TrustConfig } from '../lib/trust/schema';

/** The file beside the page whose host may set the page's trust configuration. */
export const pageTrustConfigFile = 'trust-config.json';

/** The host's trust-config.json is there but cannot be used: the page verifies nothing rather than guess. */
export class PageTrustConfigError extends BaseError {
  override name = 'PageTrustConfigError';

  constructor({ details, cause }: { details: string; cause?: unknown }) {
    super('This verifier page has a trust configuration it cannot read', { details, cause });
  }
}

export type PageTrust = {
  config: TrustConfig;
  /** `default`: Verity's built-in configuration; `host`: the trust-config.json whoever hosts the page put beside it. */
  from: 'default' | 'host';
};

export type LoadPageTrustParameters = {
  /** The page's own address; trust-config.json is looked for beside it. */
  pageUrl: string;
  fetchFn?: typeof fetch;
};

/**
 * The trust configuration the verifier page checks with: Verity's defaults,
 * or a `trust-config.json` (spec §7, merged over the defaults as a user's
 * layer is) that whoever hosts the page placed beside it, on the same
 * origin. No file (404) means the defaults; a file that is there but
 * broken is an error, never silently the defaults.
 */
export async function loadPageTrust({ pageUrl, fetchFn = fetch }: LoadPageTrustParameters): Promise<PageTrust> {
  const url = new URL(pageTrustConfigFile, pageUrl);
  let response: Response;
  try {
    response = await fetchFn(url, { cache: 'no-cache', credentials: 'omit' });
  } catch {
    // A page opened from a file, or a host that refuses the request: there is no configuration of the host's to use.
    return { config: defaultTrustConfig, from: 'default' };
  }
  if (response.status === 404) return { config: defaultTrustConfig, from: 'default' };
  if (!response.ok) throw new PageTrustConfigError({ details: `${url} answered HTTP ${response.status}.` });
  const parsed = parseTrustConfig(await response.text());
  if (!parsed.ok) throw new PageTrustConfigError({ details: `${url}: ${parsed.error.message}`, cause: parsed.error });
  return { config: parsed.config, from: 'host' };
}
