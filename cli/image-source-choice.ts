/**
 * The address an `<img>` shows, as a browser with a wide screen and a high
 * density would choose it, without layout: in a `<picture>`, the first
 * `<source>` (before the `img`) whose `type` is absent or one browsers
 * show, its `media` taken as matching (a CLI has no viewport); then the
 * `img`'s own `srcset`, then its `src`. From a `srcset`, the candidate
 * with the largest width (`w`), else the largest density (`x`, 1 when
 * none is given): the largest rendition, which carries the same Content
 * Credentials as the others or, when it differs, is the one a reader
 * zooming in sees. `sizes` is not read. Undefined when none is given.
 */
export function chosenImageSource(image: Element): string | undefined {
  const picture = image.parentElement?.localName === 'picture' ? image.parentElement : undefined;
  for (const source of picture?.children ?? []) {
    if (source === image) break;
    if (source.localName !== 'source' || !isShownType(source.getAttribute('type'))) continue;
    const chosen = largestCandidate(source.getAttribute('srcset') ?? '');
    if (chosen !== undefined) return chosen;
  }
  const src = image.getAttribute('src')?.trim();
  return largestCandidate(image.getAttribute('srcset') ?? '') ?? (src === '' ? undefined : src);
}

/** Image types browsers show; a `<source>` of another type (HEIC, JPEG XL) is passed over, as a browser would. */
const shownTypes = new Set(['image/jpeg', 'image/png', 'image/apng', 'image/webp', 'image/avif', 'image/gif', 'image/svg+xml', 'image/bmp']);

function isShownType(type: string | null): boolean {
  const essence = type?.split(';')[0]?.trim().toLowerCase();
  return essence === undefined || essence === '' || shownTypes.has(essence);
}

type Candidate = { url: string; width?: number; density: number };

/** The widest candidate of a `srcset`, else the densest; undefined when it has none. */
export function largestCandidate(srcset: string): string | undefined {
  const candidates = parseSrcset(srcset);
  const widths = candidates.filter((candidate) => candidate.width !== undefined);
  const pool = widths.length > 0 ? widths : candidates;
  const size = (candidate: Candidate) => candidate.width ?? candidate.density;
  return pool.reduce<Candidate | undefined>((best, candidate) => (best === undefined || size(candidate) > size(best) ? candidate : best), undefined)?.url;
}

/**
 * A `srcset`'s candidates, as the HTML standard splits them: an address is
 * a run without white space (a trailing comma ends it, so `data:` URLs
 * keep their commas), then its descriptors up to a comma outside
 * parentheses. A candidate with a descriptor that is not one width or one
 * density is dropped, as browsers drop it.
 */
function parseSrcset(srcset: string): Candidate[] {
  const candidates: Candidate[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at]!)) at++;
    const start = at;
    while (at < srcset.length && !/\s/.test(srcset[at]!)) at++;
    let url = srcset.slice(start, at);
    if (url === '') break;
    let descriptors = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      const from = at;
      while (at < srcset.length && (srcset[at] !== ',' || depth > 0)) {
        if (srcset[at] === '(') depth++;
        if (srcset[at] === ')') depth = Math.max(0, depth - 1);
        at++;
      }
      descriptors = srcset.slice(from, at).trim();
    }
    const candidate = candidateOf(url, descriptors);
    if (candidate !== undefined) candidates.push(candidate);
  }
  return candidates;
}

function candidateOf(url: string, descriptors: string): Candidate | undefined {
  if (descriptors === '') return { url, density: 1 };
  const width = /^(\d+)w$/.exec(descriptors);
  if (width !== null && Number(width[1]) > 0) return { url, width: Number(width[1]), density: 1 };
  const density = /^(\d+(?:\.\d+)?|\.\d+)x$/.exec(descriptors);
  if (density !== null && Number(density[1]) > 0) return { url, density: Number(density[1]) };
  return undefined;
}
