import { describe, expect, it } from 'vitest';
import { textToHtml } from './text-to-html';

describe('textToHtml', () => {
  it('makes one paragraph per block of lines and escapes markup', () => {
    expect(textToHtml('First <b>line</b>\nsame paragraph\n\n  \nSecond & last')).toBe(
      '<!doctype html><html><body><p>First &#60;b&#62;line&#60;/b&#62;\nsame paragraph</p><p>Second &#38; last</p></body></html>',
    );
  });

  it('gives an empty body for blank input', () => {
    expect(textToHtml('\n \n')).toBe('<!doctype html><html><body></body></html>');
  });
});
