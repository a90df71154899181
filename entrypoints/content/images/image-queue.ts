import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';

/** One image URL's answer: a verdict, `null` for an image without Content Credentials, or `failed` when the worker gave none. */
export type ImageAnswer = ImageVerdict | null | 'failed';

export type CreateImageQueueParameters = {
  signal: AbortSignal;
  /** Asks the worker about one URL. */
  check: (url: string) => Promise<ImageVerdict | null>;
  /** Called once per URL, when its answer comes. */
  onAnswer: (url: string, answer: ImageAnswer) => void;
  /** Checks in flight at most; the rest wait their turn, first asked first. */
  limit?: number | undefined;
};

export type ImageQueue = {
  /** Asks about `url` unless it was asked about already in this page session. */
  request(url: string): void;
  /** The answer for `url`, once it has come. */
  answerOf(url: string): ImageAnswer | undefined;
};

/**
 * The page images' checks, each URL once per page session (however many
 * images show it), at most `limit` at a time so a page of 200 images never
 * floods the worker. Nothing is asked once `signal` aborts.
 */
export function createImageQueue({ signal, check, onAnswer, limit = 4 }: CreateImageQueueParameters): ImageQueue {
  const answers = new Map<string, ImageAnswer | 'asked'>();
  const waiting: string[] = [];
  let running = 0;

  const next = (): void => {
    while (running < limit && waiting.length > 0 && !signal.aborted) {
      const url = waiting.shift() as string;
      running++;
      check(url)
        .then(
          (verdict): ImageAnswer => verdict,
          (): ImageAnswer => 'failed',
        )
        .then((answer) => {
          running--;
          if (signal.aborted) return;
          answers.set(url, answer);
          onAnswer(url, answer);
          next();
        });
    }
  };

  return {
    request(url) {
      if (answers.has(url)) return;
      answers.set(url, 'asked');
      waiting.push(url);
      next();
    },
    answerOf(url) {
      const answer = answers.get(url);
      return answer === 'asked' ? undefined : answer;
    },
  };
}
