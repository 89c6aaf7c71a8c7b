// The only module allowed to call Tauri's `invoke`: every command the UI uses
// gets a typed wrapper here, and every failure is normalised into an `IpcError`.
import { invoke, type InvokeArgs } from '@tauri-apps/api/core';

import { toIpcError } from './errors';
import type { AppInfo, IpcError, ProcedureSummary, ProcedureView } from './types';

declare global {
  interface Window {
    __TAURI_INTERNALS__?: { invoke?: unknown };
  }
}

function ipcAvailable(): boolean {
  return typeof window !== 'undefined' && typeof window.__TAURI_INTERNALS__?.invoke === 'function';
}

/** Calls a command; rejects with an `IpcError`, never with anything else. */
async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  if (!ipcAvailable()) {
    // Typically the UI opened in a plain browser (`npm run dev`) instead of the app.
    const error: IpcError = {
      kind: 'ipc_unavailable',
      message: `Tauri IPC is not available to call "${command}"`,
    };
    throw error;
  }
  try {
    return await invoke<T>(command, args);
  } catch (reason) {
    throw toIpcError(reason);
  }
}

/** The sample procedures bundled with the app. */
export function listProcedures(): Promise<ProcedureSummary[]> {
  return call<ProcedureSummary[]>('list_procedures');
}

/** Information about the running application. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/** A sample procedure with its swimlane layout, computed in Rust. */
export function procedureView(id: string): Promise<ProcedureView> {
  return call<ProcedureView>('procedure_view', { id });
}
