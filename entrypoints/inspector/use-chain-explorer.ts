import { useEffect, useState } from 'react';
import { sendToWorker } from '../../messaging/client';

/**
 * The block explorer the trust configuration names for chain `chainId`, or
 * null: verdicts link only their transaction, and addresses need the chain's
 * explorer from the configuration.
 */
export function useChainExplorer(chainId: number | undefined): string | null {
  const [explorer, setExplorer] = useState<string | null>(null);
  useEffect(() => {
    if (chainId === undefined) return;
    let closed = false;
    sendToWorker('trust-config', {}).then(
      ({ effective }) => !closed && setExplorer(effective.chains[String(chainId)]?.explorer ?? null),
      () => undefined,
    );
    return () => {
      closed = true;
    };
  }, [chainId]);
  return explorer;
}
