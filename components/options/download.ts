/**
 * Saves text as a download: Blob + object URL + `<a download>`, all inside the page (nothing goes over the
 * network). Parts stay parts: a backup larger than one JavaScript string still downloads.
 */
export function downloadParts(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later, not at once: the browser reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
