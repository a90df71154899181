export type WatchLocationChangesParameters = {
  signal: AbortSignal;
  window: Window;
  /** Called once per change of the page's URL without a new document (history.pushState, a #fragment, back within the app). */
  onChange: () => void;
};

type NavigationTarget = Pick<EventTarget, 'addEventListener'>;

/**
 * The page's single-page navigations, without polling: the Navigation API's
 * `currententrychange` where the browser has it (Chromium), else `popstate`
 * and `hashchange` (Firefox 140), which miss a page's own pushState; the
 * page scanner sees what such a navigation changes in the DOM all the same.
 * WXT's `wxt:locationchange` polls the URL every second where the API is
 * missing, which a script on every page must not.
 */
export function watchLocationChanges({ signal, window, onChange }: WatchLocationChangesParameters): void {
  let lastUrl = window.location.href;
  const check = (): void => {
    if (window.location.href === lastUrl) return;
    lastUrl = window.location.href;
    onChange();
  };
  const navigation = (window as Window & { navigation?: NavigationTarget }).navigation;
  if (navigation !== undefined) {
    navigation.addEventListener('currententrychange', check, { signal });
    return;
  }
  window.addEventListener('popstate', check, { signal });
  window.addEventListener('hashchange', check, { signal });
}
