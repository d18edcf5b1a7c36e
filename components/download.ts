import { EXPORT_PORT, type ExportPiece, type ToBackground } from '@/utils/messages';

/** An exported file, its text already in a Blob. */
export interface ExportedBlob {
  filename: string;
  blob: Blob;
}

type ExportPort = Pick<Browser.runtime.Port, 'postMessage' | 'onMessage' | 'onDisconnect' | 'disconnect'>;

/**
 * Asks the background for an export over EXPORT_PORT. The file's Blob is made of the pieces as
 * they come, each in a task of its own; a storage failure, or the port closing first, rejects.
 */
export function requestExport(request: Extract<ToBackground, { type: 'export' }>, connect = (): ExportPort => browser.runtime.connect({ name: EXPORT_PORT })): Promise<ExportedBlob> {
  return new Promise((resolve, reject) => {
    const port = connect();
    const pieces: Blob[] = [];
    port.onMessage.addListener((message: unknown) => {
      const m = message as ExportPiece;
      if ('piece' in m) return void pieces.push(new Blob([m.piece]));
      port.disconnect();
      if ('error' in m) reject(new Error(m.error.message));
      else resolve({ filename: m.file.filename, blob: new Blob(pieces, { type: m.file.mime }) });
    });
    port.onDisconnect.addListener(() => reject(new Error('No answer to export')));
    port.postMessage(request);
  });
}

/** Saves a file through a Blob link, so exports need no "downloads" permission. */
export function downloadFile({ filename, blob }: ExportedBlob): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox starts the download after click() returns; revoking at once would cancel it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
