/**
 * Saves a Blob as a file: an object URL on a temporary `<a download>`. The data was fetched with
 * the bearer token in a header, so no URL the browser keeps (history, downloads list) carries it.
 */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cut a download the browser has not started reading yet.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
