import { describe, expect, it, vi } from 'vitest';
import { requestExport } from '@/components/download';
import type { ExportPiece } from '@/utils/messages';

/** A port whose background answers `answer` to the request, or closes without a word. */
function fakePort(answer: ExportPiece[] | 'closes') {
  const listeners = { message: [] as Array<(m: unknown) => void>, disconnect: [] as Array<() => void> };
  const port = {
    postMessage: vi.fn(() => {
      if (answer === 'closes') listeners.disconnect.forEach((f) => f());
      else for (const m of answer) listeners.message.forEach((f) => f(m));
    }),
    onMessage: { addListener: (f: (m: unknown) => void) => listeners.message.push(f) },
    onDisconnect: { addListener: (f: () => void) => listeners.disconnect.push(f) },
    disconnect: vi.fn(),
  };
  return port as unknown as ReturnType<NonNullable<Parameters<typeof requestExport>[1]>> & typeof port;
}

const REQUEST = { type: 'export', format: 'json', pageUrls: null } as const;

describe('requestExport', () => {
  it('asks on the port and makes the file of the pieces as they come', async () => {
    const port = fakePort([{ piece: 'ab😀' }, { piece: 'cd经济' }, { file: { filename: 'a.json', mime: 'application/json' } }]);
    const file = await requestExport(REQUEST, () => port);
    expect(port.postMessage).toHaveBeenCalledWith(REQUEST);
    expect([file.filename, file.blob.type, await file.blob.text()]).toEqual(['a.json', 'application/json', 'ab😀cd经济']);
    expect(port.disconnect).toHaveBeenCalled();
  });

  it('rejects with a storage failure’s message, or when the port closes first', async () => {
    await expect(requestExport(REQUEST, () => fakePort([{ error: { code: 'quota', message: 'full' } }]))).rejects.toThrow('full');
    await expect(requestExport(REQUEST, () => fakePort('closes'))).rejects.toThrow('No answer to export');
  });
});
