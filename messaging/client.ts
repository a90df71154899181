import { browser } from 'wxt/browser';
import { BaseError } from '../lib/errors';
import type {
  Answer,
  ContentMessages,
  ContentMessageType,
  Message,
  WorkerMessages,
  WorkerMessageType,
} from './messages';

/** The request part of a message of `map`. */
export type Request<map, type extends keyof map> = map[type] extends { request: infer request } ? request : never;

/** The other side had no handler for the message, or answered nothing. */
export class NoAnswerError extends BaseError {
  override name = 'NoAnswerError';

  constructor(type: string) {
    super(`No answer to "${type}"`);
  }
}

/** Asks the background worker; the answer is typed by the message type. */
export async function sendToWorker<type extends WorkerMessageType>(
  type: type,
  request: Request<WorkerMessages, type>,
): Promise<Answer<WorkerMessages, type>> {
  const message = { type, ...(request as object) } as Message<WorkerMessages, type>;
  return answerOf(type, await browser.runtime.sendMessage(message));
}

/** Asks the content script of one tab: of its top frame, or of the frame named. */
export async function sendToTab<type extends ContentMessageType>(
  tabId: number,
  type: type,
  request: Request<ContentMessages, type>,
  { frameId }: { frameId?: number | undefined } = {},
): Promise<Answer<ContentMessages, type>> {
  const message = { type, ...(request as object) } as Message<ContentMessages, type>;
  return answerOf(type, await browser.tabs.sendMessage(tabId, message, frameId === undefined ? undefined : { frameId }));
}

// A listener that returns without answering resolves to undefined; `null` is a real answer.
function answerOf<answer>(type: string, answer: unknown): answer {
  if (answer === undefined) throw new NoAnswerError(type);
  return answer as answer;
}
