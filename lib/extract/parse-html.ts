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
 * Open shadow roots written in the HTML are attached as a browser's parser
 * attaches them, which jsdom's does not.
 */
export function parseHtml(html: string, url?: string): ParseHtmlReturnType {
  if (url !== undefined && !URL.canParse(url)) throw new ParseHtmlError(`Not a URL: ${url}`);
  try {
    const { document } = new JSDOM(html, { url, contentType: 'text/html' }).window;
    attachDeclarativeShadowRoots(document);
    return document;
  } catch (error) {
    if (error instanceof RangeError) throw new ParseHtmlError('The page is nested too deeply to parse', { cause: error });
    throw error;
  }
}

/**
 * Each `<template shadowrootmode="open">` becomes its parent's open shadow
 * root, holding what the template held, nested ones too. A template a
 * browser would keep as a template (its parent cannot take a root or has
 * one) stays, unread like any template, and so does a closed one: what a
 * closed root holds cannot be read (spec §1).
 */
function attachDeclarativeShadowRoots(document: Document): void {
  const scopes: ParentNode[] = [document];
  for (let scope = scopes.pop(); scope !== undefined; scope = scopes.pop()) {
    for (const template of scope.querySelectorAll('template[shadowrootmode]')) {
      const host = template.parentElement;
      if (host === null || template.getAttribute('shadowrootmode')!.toLowerCase() !== 'open') continue;
      let root: ShadowRoot;
      try {
        root = host.attachShadow({ mode: 'open' });
      } catch {
        continue;
      }
      root.append((template as HTMLTemplateElement).content);
      template.remove();
      scopes.push(root);
    }
  }
}
