/** Saving a file the view made (an export) through the browser's download. */
import { h } from './dom';

/** Downloads `blob` as `filename` (the object URL is revoked once the browser has had time to read it). */
export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = h('a', { download: filename });
  a.href = url;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A file name that says what the file holds, from its parts: each part is reduced to letters, digits, `.`
 * and `-` (accents dropped, anything else a `-`), and the parts are joined by `_`. Empty parts are left out.
 */
export function fileName(parts: readonly (string | null | undefined)[], extension: string): string {
  const clean = parts
    .map((p) =>
      (p ?? '')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z0-9.-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60),
    )
    .filter(Boolean);
  return `${clean.join('_') || 'export'}.${extension}`;
}
