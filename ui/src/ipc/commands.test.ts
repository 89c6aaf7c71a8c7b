import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { describe, expect, it } from 'vitest';

import { SAMPLES } from '../test/fixtures';
import { appInfo, listProcedures } from './commands';

describe('IPC commands', () => {
  it('listProcedures calls list_procedures without arguments', async () => {
    const calls: [string, unknown][] = [];
    mockIPC((cmd, payload) => {
      calls.push([cmd, payload]);
      return SAMPLES;
    });

    await expect(listProcedures()).resolves.toEqual(SAMPLES);
    expect(calls).toEqual([['list_procedures', {}]]);
  });

  it('appInfo calls app_info', async () => {
    mockIPC((cmd) => (cmd === 'app_info' ? { version: '1.2.3' } : undefined));
    await expect(appInfo()).resolves.toEqual({ version: '1.2.3' });
  });

  it('rejects with the IpcError sent by Rust', async () => {
    mockIPC(() => {
      throw { kind: 'internal', message: 'boom' };
    });
    await expect(listProcedures()).rejects.toEqual({ kind: 'internal', message: 'boom' });
  });

  it('normalises any other rejection', async () => {
    mockIPC(() => Promise.reject(new Error('command app_info not found')));
    await expect(appInfo()).rejects.toEqual({
      kind: 'unknown',
      message: 'command app_info not found',
    });
  });

  it('reports a missing Tauri runtime as ipc_unavailable', async () => {
    clearMocks();
    await expect(listProcedures()).rejects.toMatchObject({ kind: 'ipc_unavailable' });
  });
});
