/** How long the object URL of a downloaded file stays valid: the download has started by then. */
const REVOKE_AFTER_MS = 60_000;

/**
 * Hands a file the app made to the browser's downloads, named `fileName`. The object URL is
 * revoked later rather than at once: some browsers read it after the click has returned.
 */
export function saveFile(file: Blob, fileName: string, document: Document = window.document): void {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, REVOKE_AFTER_MS);
}
