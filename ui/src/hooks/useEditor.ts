import { listen } from '@tauri-apps/api/event';
import { useCallback, useEffect, useRef, useState } from 'react';

import {
  analyzeProcedure,
  changedEvent,
  editProcedure,
  openEditor,
  redo as redoCommand,
  toIpcError,
  undo as undoCommand,
  type AnalysisView,
  type EditorState,
  type Gesture,
  type IpcError,
} from '../ipc';

/** What the "enregistré" indicator says; `saved` only once the store has committed. */
export type SaveStatus = 'saved' | 'saving' | 'error';

export interface Editor {
  /** The procedure as last committed, or null while it opens. */
  state: EditorState | null;
  /** Why the procedure could not be opened. */
  loadError: IpcError | null;
  /** Why the last change was refused or failed (the procedure is then as it was). */
  editError: IpcError | null;
  status: SaveStatus;
  /** Applies a gesture; resolves with the committed state, or null when it was refused. */
  apply: (gesture: Gesture) => Promise<EditorState | null>;
  undo: () => Promise<EditorState | null>;
  redo: () => Promise<EditorState | null>;
  dismissError: () => void;
  reload: () => void;
}

/**
 * A procedure open for editing. Changes go to Rust one after the other, in the order the agent
 * made them (a queue), and the state shown is always the one the store committed: there is
 * nothing to save, and nothing shown as saved that is not.
 */
export function useEditor(id: string): Editor {
  const [state, setState] = useState<EditorState | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  const [editError, setEditError] = useState<IpcError | null>(null);
  const [pending, setPending] = useState(0);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  useEffect(() => {
    let current = true;
    setLoadError(null);
    openEditor(id).then(
      (s) => current && setState(s),
      (reason: unknown) => current && setLoadError(toIpcError(reason)),
    );
    return () => {
      current = false;
    };
  }, [id, attempt]);

  const run = useCallback((change: () => Promise<EditorState>): Promise<EditorState | null> => {
    setPending((n) => n + 1);
    const done = queue.current
      .then(change)
      .then(
        (next) => {
          // Answers arrive in order, but never show an older revision than the one shown.
          setState((prev) => (prev === null || next.revision >= prev.revision ? next : prev));
          setEditError(null);
          setFailed(false);
          return next;
        },
        (reason: unknown) => {
          setEditError(toIpcError(reason));
          setFailed(true);
          return null;
        },
      )
      .finally(() => setPending((n) => n - 1));
    queue.current = done;
    return done;
  }, []);

  const apply = useCallback((gesture: Gesture) => run(() => editProcedure(id, gesture)), [id, run]);
  const undo = useCallback(() => run(() => undoCommand(id)), [id, run]);
  const redo = useCallback(() => run(() => redoCommand(id)), [id, run]);
  const dismissError = useCallback(() => setEditError(null), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const status: SaveStatus = pending > 0 ? 'saving' : failed ? 'error' : 'saved';
  return { state, loadError, editError, status, apply, undo, redo, dismissError, reload };
}

/** How long the analysis waits after the last change before it runs again. */
export const ANALYSIS_DEBOUNCE_MS = 250;

/**
 * The live analysis of a procedure: computed in Rust when it opens, then again, debounced,
 * each time the store announces a committed change (`procedure://{id}/changed`).
 */
export function useAnalysis(id: string): { analysis: AnalysisView | null; error: IpcError | null } {
  const [analysis, setAnalysis] = useState<AnalysisView | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let current = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      analyzeProcedure(id).then(
        (a) => {
          if (!current) return;
          setAnalysis((prev) => (prev === null || a.revision >= prev.revision ? a : prev));
          setError(null);
        },
        (reason: unknown) => current && setError(toIpcError(reason)),
      );
    };
    refresh();
    const unlisten = listen<number>(changedEvent(id), () => {
      clearTimeout(timer);
      timer = setTimeout(refresh, ANALYSIS_DEBOUNCE_MS);
    }).catch(() => () => undefined);
    return () => {
      current = false;
      clearTimeout(timer);
      // When the window closes, its event system goes with it: nothing is left to stop.
      void unlisten.then((stop) => stop()).catch(() => undefined);
    };
  }, [id]);

  return { analysis, error };
}
