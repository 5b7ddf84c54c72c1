import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach } from 'vitest';

/**
 * An in-memory IndexedDB for jsdom (which has none), emptied with localStorage after each test
 * of the calling file so that no learner history leaks from one test into the next.
 */
export function freshIndexedDbPerTest(): void {
  afterEach(() => {
    globalThis.indexedDB = new IDBFactory();
    localStorage.clear();
  });
}

/** Everything Chartside keeps in this browser's storage, as text (to look for what must not be there). */
export async function storedText(): Promise<string> {
  const lines = Object.keys(localStorage).map((key) => `${key}=${localStorage.getItem(key) ?? ''}`);
  const databases = await indexedDB.databases();
  for (const { name } of databases) {
    if (name === undefined) continue;
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
    });
    for (const storeName of database.objectStoreNames) {
      const values = await new Promise<unknown[]>((resolve, reject) => {
        const request = database.transaction(storeName).objectStore(storeName).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error(`cannot read ${storeName}`));
      });
      lines.push(`${name}/${storeName}=${JSON.stringify(values)}`);
    }
    database.close();
  }
  return lines.join('\n');
}
