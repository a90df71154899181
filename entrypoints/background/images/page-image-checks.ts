import type { AnchorSet } from '../../../lib/c2pa/anchor-sets';
import type { ImageChecker } from './image-checker';
import { ImageAccessError } from './errors';
import type { ImageUrlCheck } from './image-url-check';

/** A storage area as the cache uses it (storage.session in the extension). */
export type ImageCheckStore = {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
};

export type CreatePageImageChecksParameters = {
  checker: Pick<ImageChecker, 'checkImage'>;
  /** Whether the reader granted the image access (the optional host permission), asked at each check. */
  hasAccess: () => Promise<boolean>;
  /** The anchors as the checker reads them: a cached verdict holds only for the anchors it was made with. */
  trustAnchors: () => Promise<AnchorSet[]>;
  store: ImageCheckStore;
};

type CachedCheck = { anchors: string; check: ImageUrlCheck };

const keyPrefix = 'verity.image.';

/**
 * The page images' checks: each URL once for the browser session (kept in
 * storage.session, which outlives the MV3 worker; two asks at once share
 * one check), and only with the reader's grant. An `unavailable` answer is
 * not kept: a network failure or a missing permission may pass.
 */
export function createPageImageChecks({ checker, hasAccess, trustAnchors, store }: CreatePageImageChecksParameters) {
  const running = new Map<string, Promise<ImageUrlCheck>>();

  const checkAndKeep = async (url: string, anchors: AnchorSet[]): Promise<ImageUrlCheck> => {
    const check = await checker.checkImage(url);
    if (check.verdict?.state !== 'unavailable') {
      const entry: CachedCheck = { anchors: await fingerprint(anchors), check: { verdict: check.verdict } };
      // A full storage.session only costs the next page a new check.
      await store.set({ [keyPrefix + url]: entry }).catch(() => undefined);
    }
    return check;
  };

  const refuseWithoutAccess = async (): Promise<void> => {
    if (!(await hasAccess())) throw new ImageAccessError('Verity may not read this page’s images: turn on “Check images’ Content Credentials” in its settings.');
  };

  // The pages' batches share these turns: a page of 200 images never has 200 fetches and checks running at once.
  const turns = createTurns(checksAtOnce);

  /** `inTurn`: a page's check, which waits for a turn (a cached answer never waits); the reader's own runs at once. */
  const checkGranted = async (url: string, inTurn: boolean): Promise<ImageUrlCheck> => {
    const anchors = await trustAnchors();
    const cached = (await store.get(keyPrefix + url))[keyPrefix + url] as CachedCheck | undefined;
    if (cached !== undefined && cached.anchors === (await fingerprint(anchors))) return cached.check;
    let pending = running.get(url);
    if (pending === undefined) {
      pending = (inTurn ? turns(() => checkAndKeep(url, anchors)) : checkAndKeep(url, anchors)).finally(() => running.delete(url));
      running.set(url, pending);
    }
    return pending;
  };

  return {
    /** One image's check ("Verify image with Verity"); refuses without the grant. */
    async check(url: string): Promise<ImageUrlCheck> {
      await refuseWithoutAccess();
      return checkGranted(url, false);
    },
    /**
     * A page's batch (`check-page-images`): refuses the whole batch without the grant; else
     * checks each URL, at most `checksAtOnce` for all pages together, and tells each answer as it comes.
     */
    async checkEach(urls: readonly string[], onAnswer: (url: string, answer: ImageUrlCheck | { error: unknown }) => void): Promise<void> {
      await refuseWithoutAccess();
      for (const url of new Set(urls)) {
        void checkGranted(url, true).then(
          (check) => onAnswer(url, check),
          (error: unknown) => onAnswer(url, { error }),
        );
      }
    },
  };
}

/** Page images checked at once, for all pages together; the rest wait their turn, first asked first. */
export const checksAtOnce = 4;

/** Runs the tasks given it, at most `limit` at a time, in the order given. */
function createTurns(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <result>(task: () => Promise<result>): Promise<result> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

export type PageImageChecks = ReturnType<typeof createPageImageChecks>;

/** A short digest of the anchors, so an entry does not carry their PEM text. */
async function fingerprint(anchors: AnchorSet[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(anchors))));
  return Array.from(digest.subarray(0, 12), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
