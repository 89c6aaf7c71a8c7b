// The only module allowed to call Tauri's `invoke`: every command the UI uses
// gets a typed wrapper here, and every failure is normalised into an `IpcError`.
import { Channel, invoke, type InvokeArgs } from '@tauri-apps/api/core';

import { toIpcError } from './errors';
import type {
  AnalysisView,
  AppInfo,
  CompareView,
  EditorState,
  FindingKey,
  Gesture,
  ImportOutcome,
  IpcError,
  PreviewView,
  ProcedureSummary,
  ReportProgress,
  ReportView,
  ReviewView,
  SideRef,
  VersionView,
} from './types';

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

/** The procedures of the local store, summarised. */
export function listProcedures(): Promise<ProcedureSummary[]> {
  return call<ProcedureSummary[]>('list_procedures');
}

/** Information about the running application. */
export function appInfo(): Promise<AppInfo> {
  return call<AppInfo>('app_info');
}

/**
 * Writes a drawing error into the support log beside the database. Never rejects: a
 * log that cannot be written must not add a second error to the first.
 */
export async function recordUiError(message: string): Promise<void> {
  try {
    await call<null>('record_ui_error', { message });
  } catch {
    // Nothing more to do: the crash screen is already shown.
  }
}

/** Opens a procedure of the store in the editor. */
export function openEditor(id: string): Promise<EditorState> {
  return call<EditorState>('open_editor', { id });
}

/** Applies one gesture of the agent; the answer is the state as committed to disk. */
export function editProcedure(id: string, gesture: Gesture): Promise<EditorState> {
  return call<EditorState>('edit_procedure', { id, gesture });
}

export function undo(id: string): Promise<EditorState> {
  return call<EditorState>('undo', { id });
}

export function redo(id: string): Promise<EditorState> {
  return call<EditorState>('redo', { id });
}

/** Metrics and findings of the working copy, computed in Rust. */
export function analyzeProcedure(id: string): Promise<AnalysisView> {
  return call<AnalysisView>('analyze_procedure', { id });
}

/** The event announcing a committed change of a procedure (payload: its new revision). */
export function changedEvent(id: string): string {
  return `procedure://${id}/changed`;
}

/** A new procedure in the store: a start and an end, and the user's lane. */
export function createProcedure(name: string): Promise<ProcedureSummary> {
  return call<ProcedureSummary>('create_procedure', { name });
}

export function duplicateProcedure(id: string, name: string): Promise<ProcedureSummary> {
  return call<ProcedureSummary>('duplicate_procedure', { id, name });
}

export function renameProcedure(id: string, name: string): Promise<ProcedureSummary> {
  return call<ProcedureSummary>('rename_procedure', { id, name });
}

export function deleteProcedure(id: string): Promise<void> {
  return call<void>('delete_procedure', { id });
}

/** Imports procedure files and BPMN models; one outcome per file, in order. */
export function importFiles(paths: string[], english: boolean): Promise<ImportOutcome[]> {
  return call<ImportOutcome[]>('import_files', { paths, english });
}

/** Saves the working copy to a file (`.epure.json`, or `.bpmn`). */
export function exportProcedure(id: string, path: string): Promise<void> {
  return call<void>('export_procedure', { id, path });
}

/** Every simplification proposal of the working copy, with its changes and effect. */
export function listProposals(id: string): Promise<ReviewView> {
  return call<ReviewView>('list_proposals', { id });
}

/** What the accepted proposals would give (nothing is kept). */
export function previewTarget(id: string, accepted: FindingKey[]): Promise<PreviewView> {
  return call<PreviewView>('preview_target', { id, accepted });
}

/** Keeps the target as a named version; the working copy is not modified. */
export function createTarget(id: string, revision: number, accepted: FindingKey[], name: string): Promise<VersionView> {
  return call<VersionView>('create_target', { id, revision, accepted, name });
}

export function listVersions(id: string): Promise<VersionView[]> {
  return call<VersionView[]>('list_versions', { id });
}

/** Any two procedures or versions compared. */
export function compareSides(before: SideRef, after: SideRef): Promise<CompareView> {
  return call<CompareView>('compare_sides', { before, after });
}

/** Generates a report kept with procedure `id`; `onProgress` hears each phase and page. */
export function generateReport(
  id: string,
  before: SideRef,
  after: SideRef | null,
  lang: string,
  onProgress: (p: ReportProgress) => void,
): Promise<ReportView> {
  const channel = new Channel<ReportProgress>();
  channel.onmessage = onProgress;
  return call<ReportView>('generate_report', { id, before, after, lang, onProgress: channel });
}

/** Stops the report being generated: nothing is kept. */
export function cancelReport(): Promise<void> {
  return call<void>('cancel_report');
}

export function listReports(id: string): Promise<ReportView[]> {
  return call<ReportView[]>('list_reports', { id });
}

/** Opens a report in the system's PDF viewer (Rust writes and opens its own file). */
export function openReport(id: number): Promise<void> {
  return call<void>('open_report', { id });
}

/** Saves a copy of a report at the path the agent chose in the save dialog. */
export function saveReport(id: number, path: string): Promise<void> {
  return call<void>('save_report', { id, path });
}

export function deleteReport(id: number): Promise<void> {
  return call<void>('delete_report', { id });
}
