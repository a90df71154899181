import type { AnchorSet } from '../../../lib/c2pa/anchor-sets';
import type { ImageVerdict } from '../../../lib/c2pa/image-verdict';

/** What the page that owns the engine worker posts to it: one image's bytes (transferred, not copied). */
export type EngineJob = {
  id: number;
  /** The engine's WebAssembly, the extension's /c2pa.wasm: a worker has no extension API to find it with. */
  wasmUrl: string;
  bytes: ArrayBuffer;
  declaredType?: string;
  trustAnchors: readonly AnchorSet[];
  keepManifestStore?: boolean;
};

/** The worker's answer to one job. `ms`: the engine's time on it, the WASM start included on a worker's first job. */
export type EngineAnswer = { id: number; verdict: ImageVerdict | null; ms: number } | { id: number; error: string };
