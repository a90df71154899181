import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';
import { maxPageImageBatch } from '../../../messaging/messages';

export type CreateImageQueueParameters = {
  signal: AbortSignal;
  /** Sends one batch of URLs to the worker (`check-page-images`); its answers come later, through `answer`. */
  send: (urls: string[]) => Promise<unknown>;
};

export type ImageQueue = {
  /** Asks about `url` unless it was asked about already in this page session; joins the batch being gathered. */
  request(url: string): void;
  /** An answer the worker sent: true when it is for a URL this session asked about (another is ignored). */
  answer(url: string, verdict: ImageVerdict): boolean;
  /** The verdict for `url`, once it has come; undefined while none has (and for ever for an image without a manifest). */
  answerOf(url: string): ImageVerdict | undefined;
};

/**
 * The page images' checks, each URL once per page session (however many
 * images show it), sent in batches: every URL asked for in one task (one
 * IntersectionObserver callback: all the images that came near the
 * viewport in that frame) goes in one message, since each message costs
 * the page's main thread about as much as a whole batch. The worker
 * answers only images with Content Credentials; the rest stay asked and
 * unanswered. Nothing is sent once `signal` aborts.
 */
export function createImageQueue({ signal, send }: CreateImageQueueParameters): ImageQueue {
  const answers = new Map<string, ImageVerdict | 'asked'>();
  let gathering: string[] = [];

  const sendGathered = (): void => {
    const urls = gathering;
    gathering = [];
    if (signal.aborted) return;
    // A failed batch (no grant, the worker gone) draws nothing; its URLs are not asked again in this session.
    for (let start = 0; start < urls.length; start += maxPageImageBatch) void send(urls.slice(start, start + maxPageImageBatch)).catch(() => undefined);
  };

  return {
    request(url) {
      if (answers.has(url) || signal.aborted) return;
      answers.set(url, 'asked');
      // Sent once the current task's requests are in.
      if (gathering.length === 0) queueMicrotask(sendGathered);
      gathering.push(url);
    },
    answer(url, verdict) {
      if (signal.aborted || !answers.has(url)) return false;
      answers.set(url, verdict);
      return true;
    },
    answerOf(url) {
      const answer = answers.get(url);
      return answer === 'asked' ? undefined : answer;
    },
  };
}
