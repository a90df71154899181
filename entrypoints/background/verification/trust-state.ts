import type { TrustConfigProvenance } from '../../../lib/trust/layer';
import type { TrustListCopies } from '../../../lib/trust/list-copy';
import { layerTrustLists } from '../../../lib/trust/list-layer';
import type { TrustConfig } from '../../../lib/trust/schema';
import { sha256Hex } from './sha256-hex';

/** The two stored layers of the trust configuration (spec §7), as read. */
export type TrustSources = {
  /**
   * Managed storage's `trustConfig` (a string of JSON), or the one it gave last while it is slow to answer
   * (entrypoints/background/trust-sources.ts); undefined when there is no policy or it could not be read.
   */
  managed: unknown;
  /** The options page's layer from storage.local (settingsKeys.userTrustConfig); undefined when the user saved none. */
  user: unknown;
  /** The subscribed trust lists' last good copies, by URL; none fetched yet when absent. */
  copies?: TrustListCopies;
};

export type TrustState = TrustSources & {
  /** Defaults, then the subscribed trust lists, then the organisation's layer, then the user's. */
  config: TrustConfig;
  provenance: TrustConfigProvenance;
  /** The managed layer was unreadable and is ignored as a whole. */
  managedError?: string;
  /** The user's layer was unreadable and is ignored as a whole. */
  userError?: string;
  /** A hash of `config`: a verdict counts only under the configuration it was made under. */
  stamp: string;
};

/** The effective trust configuration of the two stored layers and the lists they subscribe to. */
export async function resolveTrustState({ managed, user, copies }: TrustSources): Promise<TrustState> {
  const { config, provenance, managedError, userError } = layerTrustLists({ managed, user, copies });
  return {
    managed,
    user,
    ...(copies && { copies }),
    config,
    provenance,
    ...(managedError && { managedError: managedError.message }),
    ...(userError && { userError: userError.message }),
    stamp: await sha256Hex(JSON.stringify(config)),
  };
}

export type CreateTrustSourceParameters = {
  /** Reads both layers; the worker's glue reads storage.managed and storage.local. */
  read: () => Promise<TrustSources>;
};

export type TrustSource = {
  /** The current state, read once and kept until invalidated. */
  current(): Promise<TrustState>;
  /** A layer changed: the next current() reads again. */
  invalidate(): void;
};

export type CreateTrustSourceReturnType = TrustSource;

/**
 * The trust configuration, kept until storage says it changed. The first
 * read starts at once, not at the first request: the worker starts on the
 * event that woke it (a page committing, say), and storage.managed can be
 * seconds slow to answer.
 */
export function createTrustSource({ read }: CreateTrustSourceParameters): CreateTrustSourceReturnType {
  let state: Promise<TrustState> | undefined;
  const current = () => {
    if (!state) {
      const reading = read().then(resolveTrustState);
      state = reading;
      // A failed read is not kept: the next call tries again.
      reading.catch(() => {
        if (state === reading) state = undefined;
      });
    }
    return state;
  };
  void current();
  return {
    current,
    invalidate() {
      state = undefined;
    },
  };
}
