import { useCallback, useEffect, useState } from 'react';

import { toIpcError, type IpcError } from '../ipc';

export type QueryState<T> =
  | { status: 'loading' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: IpcError };

export interface Query<T> {
  state: QueryState<T>;
  /** Runs the request again, going back through the loading state. */
  reload: () => void;
}

/**
 * Runs an IPC request when the component mounts and tracks its state.
 * `load` must be stable (a module-level wrapper such as `listProcedures`).
 */
export function useIpcQuery<T>(load: () => Promise<T>): Query<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    load().then(
      (data) => {
        if (current) setState({ status: 'success', data });
      },
      (reason: unknown) => {
        if (current) setState({ status: 'error', error: toIpcError(reason) });
      },
    );
    return () => {
      current = false;
    };
  }, [load, attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { state, reload };
}
