import { browser } from 'wxt/browser';
import type { Answer, ContentMessages, ContentMessageType, Message } from '../../messaging/messages';

export type ContentMessageHandlers = {
  [type in ContentMessageType]: (message: Message<ContentMessages, type>) => Answer<ContentMessages, type>;
};

/** Where the running page session puts its answers to the worker's and the popup's messages. */
export type ContentMessageDesk = {
  /** Answers with `handlers` until `signal` aborts. */
  register(signal: AbortSignal, handlers: ContentMessageHandlers): void;
};

export type ListenForContentMessagesParameters = {
  signal: AbortSignal;
  /**
   * A message of these types that comes while no session answers: the
   * session is started (the rest of Verity loaded), and it is answered
   * then; nothing, when none registers. Others go unanswered.
   */
  startFor: readonly ContentMessageType[];
  start: () => Promise<void>;
};

export type ListenForContentMessagesReturnType = ContentMessageDesk;

/**
 * Listens for the messages the worker and the popup send this frame, for
 * the content script's life. Only the extension itself can send them
 * (pages reach no runtime listener); anything not ours is left for other
 * listeners. One listener from the start, so that "Verify selection" on a
 * page with no proof, where Verity has not been loaded, still gets its
 * answer.
 */
export function listenForContentMessages({ signal, startFor, start }: ListenForContentMessagesParameters): ListenForContentMessagesReturnType {
  let handlers: ContentMessageHandlers | undefined;
  const answer = (message: { type: ContentMessageType }): unknown => {
    const handle = handlers?.[message.type] as ((message: unknown) => unknown) | undefined;
    return handle?.(message);
  };
  const listener = (message: unknown, _sender: unknown, sendResponse: (response: unknown) => void): boolean => {
    if (typeof message !== 'object' || message === null) return false;
    const { type } = message as { type?: unknown };
    if (typeof type !== 'string' || !isContentMessageType(type)) return false;
    const ours = message as { type: ContentMessageType };
    if (handlers !== undefined) {
      sendResponse(answer(ours));
      return false;
    }
    if (!startFor.includes(type)) return false;
    start().then(
      () => sendResponse(answer(ours)),
      () => sendResponse(undefined),
    );
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
  return {
    register(sessionSignal, sessionHandlers) {
      handlers = sessionHandlers;
      sessionSignal.addEventListener('abort', () => handlers === sessionHandlers && (handlers = undefined), { once: true });
    },
  };
}

const contentMessageTypes: Record<ContentMessageType, true> = {
  'reveal-proof': true,
  'read-selection': true,
  'show-selection-check': true,
  'verdict-updated': true,
};

function isContentMessageType(type: string): type is ContentMessageType {
  return Object.hasOwn(contentMessageTypes, type);
}
