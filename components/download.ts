/** Saves a text file through a Blob link, so exports need no "downloads" permission. */
export function downloadFile({ filename, mime, text }: { filename: string; mime: string; text: string }): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox starts the download after click() returns; revoking at once would cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
