/** Where in the tab a proof in a frame is, for the list: the frame's site, or that the page wrote the frame itself. */
export function frameLabel(frameUrl: string): string {
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return 'In an embedded frame';
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return `In a frame from ${url.host}`;
  // about:blank and about:srcdoc frames hold what their page wrote into them.
  if (url.protocol === 'about:') return 'In a frame written by this page';
  return 'In an embedded frame';
}
