import { describe, expect, it } from 'vitest';
import { frameLabel } from './frame-label';

describe('frameLabel', () => {
  it('names the site of a frame loaded from the web, port included, in ASCII', () => {
    expect(frameLabel('https://widgets.example/embed?id=4')).toBe('In a frame from widgets.example');
    expect(frameLabel('http://127.0.0.1:8042/frame.html')).toBe('In a frame from 127.0.0.1:8042');
    expect(frameLabel('https://bücher.example/')).toBe('In a frame from xn--bcher-kva.example');
  });

  it('says a srcdoc or about:blank frame is the page\'s own writing', () => {
    expect(frameLabel('about:srcdoc')).toBe('In a frame written by this page');
    expect(frameLabel('about:blank')).toBe('In a frame written by this page');
  });

  it('says no more than "embedded" for other addresses', () => {
    expect(frameLabel('data:text/html,<p>x')).toBe('In an embedded frame');
    expect(frameLabel('not a url')).toBe('In an embedded frame');
  });
});
