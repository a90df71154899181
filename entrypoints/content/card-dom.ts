/** Building blocks the two cards share (the badge's and the selection's); every word goes in as text, never markup. */

export type MakeElement = <tag extends keyof HTMLElementTagNameMap>(tag: tag, className?: string, text?: string) => HTMLElementTagNameMap[tag];

export function elementMaker(document: Document): MakeElement {
  return (tag, className, text) => {
    const element = document.createElement(tag);
    if (className !== undefined) element.className = className;
    if (text !== undefined) element.textContent = text;
    return element;
  };
}

/** "Confidence 92/100 · High" over a bar; for a verdict that could not be checked, only the word (it is not rated). */
export function confidenceMeter(make: MakeElement, { value, word, rated }: { value: number; word: string; rated: boolean }): HTMLElement {
  const meter = make('div', 'meter');
  const row = make('div', 'meter-row');
  const figure = make('span');
  if (rated) figure.append(make('strong', undefined, String(value)), `/100 · ${word}`);
  else figure.append(word);
  row.append(make('span', undefined, 'Confidence'), figure);
  meter.append(row);
  if (rated) {
    const track = make('div', 'track');
    track.setAttribute('role', 'meter');
    track.setAttribute('aria-label', 'Confidence');
    track.setAttribute('aria-valuemin', '0');
    track.setAttribute('aria-valuemax', '100');
    track.setAttribute('aria-valuenow', String(value));
    const bar = make('div', 'bar');
    bar.style.width = `${value}%`;
    track.append(bar);
    meter.append(track);
  }
  return meter;
}
