/**
 * Large enough that the biggest realistic feed (5,000 steps) fits with room for
 * other users' feeds: a feed larger than the cache would evict its own events
 * on every build and never hit. At ~1 KB per entry this is ~20 MB at most.
 */
export const EVENT_CACHE_MAX_ENTRIES = 20_000;

type CacheEntry = { fingerprint: string; text: string };

export type EventCacheStats = { hits: number; misses: number; evictions: number };

/**
 * Rendered VEVENT blocks keyed by UID. An entry only counts as a hit when its
 * fingerprint (every input the rendering reads) matches, so a changed step
 * replaces its own entry instead of leaving stale versions behind.
 */
export type EventCache = {
  readonly maxEntries: number;
  readonly stats: EventCacheStats;
  size(): number;
  getOrRender(uid: string, fingerprint: string, render: () => string): string;
  clear(): void;
};

export function createEventCache(maxEntries: number = EVENT_CACHE_MAX_ENTRIES): EventCache {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, CacheEntry>();
  const stats: EventCacheStats = { hits: 0, misses: 0, evictions: 0 };

  return {
    maxEntries,
    stats,
    size: () => entries.size,
    getOrRender(uid, fingerprint, render) {
      const cached = entries.get(uid);
      entries.delete(uid);
      if (cached && cached.fingerprint === fingerprint) {
        stats.hits += 1;
        entries.set(uid, cached);
        return cached.text;
      }
      stats.misses += 1;
      const text = render();
      entries.set(uid, { fingerprint, text });
      if (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (!oldest.done) {
          entries.delete(oldest.value);
          stats.evictions += 1;
        }
      }
      return text;
    },
    clear() {
      entries.clear();
    },
  };
}

/** Shared by every feed the server process builds; step and interview UIDs are globally unique. */
export const defaultEventCache = createEventCache();
