import { JSDOM } from 'jsdom';
import { BaseError } from '../errors';

/** The HTML could not be made into a document. */
export class ParseHtmlError extends BaseError {
  override name = 'ParseHtmlError';
}

export type ParseHtmlReturnType = Document;

/**
 * An HTML string as a DOM, for the command line (Node only). No script runs
 * and nothing is loaded (jsdom's defaults: runScripts and resources unset).
 * `url` is the page's address, so relative links resolve as in a browser.
 * jsdom recurses per level of nesting, so a page nested some ten thousand
 * levels deep cannot be parsed: that is a ParseHtmlError, not a crash.
 */
export function parseHtml(html: string, url?: string): ParseHtmlReturnType {
  if (url !== undefined && !URL.canParse(url)) throw new ParseHtmlError(`Not a URL: ${url}`);
  try {
    return new JSDOM(html, { url, contentType: 'text/html' }).window.document;
  } catch (error) {
    if (error instanceof RangeError) throw new ParseHtmlError('The page is nested too deeply to parse', { cause: error });
    throw error;
  }
}
