/**
 * Remembers what was computed for a request document, so that the documents clients send again and again (the
 * playground's examples, the network view's queries) are not parsed, measured or estimated twice. Bounded in
 * entries (the oldest goes first) and in key length, so that a client sending endless new documents costs
 * memory only up to the bound.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly maxKeyLength = 8192,
  ) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (key.length > this.maxKeyLength) return;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
  }
}
