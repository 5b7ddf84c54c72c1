/**
 * Copies `value` to the clipboard: the async Clipboard API where the page may use it, else a
 * selected off-screen textarea and `execCommand('copy')`. Focus returns where it was.
 */
export async function copyText(value: string): Promise<boolean> {
  try {
    if ('clipboard' in navigator && typeof navigator.clipboard.writeText === 'function') {
      await navigator.clipboard.writeText(value);
      return true;
    }
  } catch {
    // Denied or unavailable (an insecure origin, a permission policy): try the old way.
  }
  const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const area = document.createElement('textarea');
  area.value = value;
  area.readOnly = true;
  area.className = 'visually-hidden';
  document.body.append(area);
  area.focus();
  area.select();
  try {
    // Deprecated, but the only fallback browsers offer without the Clipboard API.
    // eslint-disable-next-line @typescript-eslint/no-deprecated
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
    focused?.focus();
  }
}
