import { readFile } from 'node:fs/promises';
import { defaultTrustConfig } from '../lib/trust/defaults';
import { parseTrustConfig } from '../lib/trust/parse';
import { withRpcOverrides } from '../lib/trust/rpc-override';
import type { TrustConfig } from '../lib/trust/schema';
import { UsageError } from './args';

export type LoadTrustConfigParameters = {
  configPath?: string | undefined;
  rpcOverrides: { chainId: string; url: string }[];
  /** The command's own usage error, for a --config file that cannot be read. */
  makeError?: (message: string) => UsageError;
};

/** The trust configuration every command uses: built-in defaults, then --config, then --rpc. Throws TrustConfigError for a file that is not one. */
export async function loadTrustConfig({ configPath, rpcOverrides, makeError = (message) => new UsageError(message) }: LoadTrustConfigParameters): Promise<TrustConfig> {
  let trust = defaultTrustConfig;
  if (configPath !== undefined) {
    let text: string;
    try {
      text = await readFile(configPath, 'utf8');
    } catch (error) {
      throw makeError(`--config ${configPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    const parsed = parseTrustConfig(text, { base: trust });
    if (!parsed.ok) throw parsed.error;
    trust = parsed.config;
  }
  return withRpcOverrides(trust, rpcOverrides);
}
