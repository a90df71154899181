import { readFile } from 'node:fs/promises';
import { defaultTrustConfig } from '../lib/trust/defaults';
import { refreshTrustLists } from '../lib/trust/list-copy';
import { fetchTrustList } from '../lib/trust/list-fetch';
import { layerTrustLists } from '../lib/trust/list-layer';
import { withRpcOverrides } from '../lib/trust/rpc-override';
import type { TrustConfig } from '../lib/trust/schema';
import { UsageError } from './args';

export type LoadTrustConfigParameters = {
  configPath?: string | undefined;
  rpcOverrides: { chainId: string; url: string }[];
  /** The command's own usage error, for a --config file that cannot be read. */
  makeError?: (message: string) => UsageError;
  /** Says that a subscribed trust list could not be used; the run goes on without it. Standard error by default. */
  warn?: (message: string) => void;
};

/**
 * The trust configuration every command uses: built-in defaults, then the
 * trust lists --config subscribes to (fetched once per run), then --config,
 * then --rpc. Throws TrustConfigError for a file that is not one.
 */
export async function loadTrustConfig({
  configPath,
  rpcOverrides,
  makeError = (message) => new UsageError(message),
  warn = (message) => process.stderr.write(`${message}\n`),
}: LoadTrustConfigParameters): Promise<TrustConfig> {
  let trust = defaultTrustConfig;
  if (configPath !== undefined) {
    let text: string;
    try {
      text = await readFile(configPath, 'utf8');
    } catch (error) {
      throw makeError(`--config ${configPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const subscribed = layerTrustLists({ user: text });
    if (subscribed.userError) throw subscribed.userError;
    const lists = subscribed.config.trustLists ?? [];
    const copies = await refreshTrustLists({ urls: lists.map(({ url }) => url), copies: {}, fetchList: (url) => fetchTrustList({ url }) });
    for (const { url, name } of lists) {
      const { error } = copies[url] ?? {};
      if (error !== undefined) warn(`Trust list “${name}” (${url}) not used: ${error}`);
    }
    trust = lists.length === 0 ? subscribed.config : layerTrustLists({ user: text, copies }).config;
  }
  return withRpcOverrides(trust, rpcOverrides);
}
