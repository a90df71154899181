/**
 * The reader's grant of image access, as the frame's content scripts tell
 * each other in their own isolated world, with no extension API: the
 * worker registers the image-access script (entrypoints/image-access.ts)
 * only while the grant holds, and that script raises this flag. A page
 * cannot see or set it. Either script may run first.
 */
type ImageAccessFlag = { granted?: true; onGranted?: () => void };

const flagName = 'verityImageAccess';

type Scope = { [flagName]?: ImageAccessFlag };

/** The image-access script's one act: the grant holds in this frame. */
export function raiseImageAccessFlag(scope: object = globalThis): void {
  const flag = ((scope as Scope)[flagName] ??= {});
  flag.granted = true;
  flag.onGranted?.();
}

/** Calls `onGranted` once the flag is raised in this frame: at once if it was, later if it comes. */
export function whenImageAccessFlag(onGranted: () => void, scope: object = globalThis): void {
  const flag = ((scope as Scope)[flagName] ??= {});
  if (flag.granted) onGranted();
  else flag.onGranted = onGranted;
}
