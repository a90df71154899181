import { browser } from 'wxt/browser';
import type { Answer, ContentMessages, ContentMessageType, Message } from '../../messaging/messages';

export type ContentMessageHandlers = {
  /** An answer later (a promise) must not reject: it says what went wrong in its answer. */
  [type in ContentMessageType]: (message: Message<ContentMessages, type>) => Answer<ContentMessages, type> | Promise<Answer<ContentMessages, type>>;
};

/**
 * Answers the messages the worker and the popup send this tab, until
 * `signal` aborts. Only the extension itself can send them (pages reach
 * no runtime listener); anything not ours is left for other listeners.
 * Each caller answers its own messages (the page session's, the images').
 */
export function answerContentMessages(signal: AbortSignal, handlers: Partial<ContentMessageHandlers>): void {
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): boolean => {
    if (typeof message !== 'object' || message === null) return false;
    const { type } = message as { type?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return false;
    const handle = handlers[type as ContentMessageType] as (message: unknown) => unknown;
    const answer = handle(message);
    if (!(answer instanceof Promise)) {
      sendResponse(answer);
      return false;
    }
    void answer.then(sendResponse);
    // The channel stays open for the answer to come.
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}
