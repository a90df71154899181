import type { SessionStorage } from './verification/session-records';

export type CreateStorageMirrorParameters = {
  /** The area mirrored; nothing but this mirror may write the keys it is asked for. */
  area: SessionStorage;
};

export type CreateStorageMirrorReturnType = SessionStorage;

const absent = Symbol('absent');

/**
 * A storage area whose values this worker has read or written are kept in
 * memory for as long as the worker runs: the worker is the only writer of
 * its session records, so a value it knows is the stored one, and a read
 * costs no round trip to the browser (a page's load asked storage.session
 * 50–60 times, each 1–45 ms). Writes go through to the area before they
 * resolve; one that fails is forgotten, to be read again. Values are copied
 * in and out, as the area itself would.
 */
export function createStorageMirror({ area }: CreateStorageMirrorParameters): CreateStorageMirrorReturnType {
  const known = new Map<string, unknown>();

  const forget = (keys: Iterable<string>): void => {
    for (const key of keys) known.delete(key);
  };

  return {
    async get(keys) {
      const unknown = keys.filter((key) => !known.has(key));
      if (unknown.length > 0) {
        const read = await area.get(unknown);
        // A write made while the read was under way is newer than what it read.
        for (const key of unknown) if (!known.has(key)) known.set(key, key in read ? read[key] : absent);
      }
      const values: Record<string, unknown> = {};
      for (const key of keys) {
        const value = known.get(key);
        if (value !== absent && value !== undefined) values[key] = structuredClone(value);
      }
      return values;
    },
    async set(items) {
      for (const [key, value] of Object.entries(items)) known.set(key, structuredClone(value));
      try {
        await area.set(items);
      } catch (error) {
        forget(Object.keys(items));
        throw error;
      }
    },
    async remove(keys) {
      for (const key of keys) known.set(key, absent);
      try {
        await area.remove(keys);
      } catch (error) {
        forget(keys);
        throw error;
      }
    },
  };
}
