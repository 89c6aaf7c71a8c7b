import { getCurrentWebview } from '@tauri-apps/api/webview';
import { open as openDialog, save as saveDialog } from '@tauri-apps/plugin-dialog';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '../components/ConfirmDialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { ImportResults } from '../components/ImportResults';
import { ProcedureList } from '../components/ProcedureList';
import { useIpcQuery } from '../hooks/useIpcQuery';
import {
  createProcedure,
  deleteProcedure,
  duplicateProcedure,
  exportProcedure,
  importFiles,
  listProcedures,
  renameProcedure,
  toIpcError,
  type ImportOutcome,
  type IpcError,
  type ProcedureSummary,
  type SideRef,
} from '../ipc';

interface Props {
  onOpen: (id: string) => void;
  /** Compare two states of a procedure: a version with the one it comes from. */
  onCompare: (id: string, before: SideRef, after: SideRef) => void;
}

/** Folds case and accents, so that "cantine" finds « Cantine » and "eleve" finds « élève ». */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

/** The library: the procedures of the local store, searched, created, imported, managed. */
export function HomePage({ onOpen, onCompare }: Props) {
  const { t, i18n } = useTranslation();
  const { state, reload } = useIpcQuery(listProcedures);
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<IpcError | null>(null);
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [deleting, setDeleting] = useState<ProcedureSummary | null>(null);
  const [dragging, setDragging] = useState(false);
  const search = useRef<HTMLInputElement>(null);

  const run = useCallback(
    async <T,>(action: () => Promise<T>): Promise<T | null> => {
      try {
        const result = await action();
        setError(null);
        reload();
        return result;
      } catch (reason) {
        setError(toIpcError(reason));
        return null;
      }
    },
    [reload],
  );

  const importPaths = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0) return;
      const result = await run(() => importFiles(paths, i18n.resolvedLanguage === 'en'));
      if (result) setOutcomes(result);
    },
    [run, i18n],
  );

  const chooseFiles = useCallback(async () => {
    try {
      const picked = await openDialog({
        multiple: true,
        directory: false,
        title: t('library.importTitle'),
        filters: [{ name: t('library.importFilter'), extensions: ['json', 'bpmn', 'xml'] }],
      });
      const paths = picked === null ? [] : Array.isArray(picked) ? picked : [picked];
      await importPaths(paths);
    } catch (reason) {
      setError(toIpcError(reason));
    }
  }, [importPaths, t]);

  // Files dropped on the window are imported (Tauri hands over their paths, not their bytes).
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    try {
      getCurrentWebview()
        .onDragDropEvent((event) => {
          if (event.payload.type === 'enter' || event.payload.type === 'over') setDragging(true);
          else if (event.payload.type === 'leave') setDragging(false);
          else if (event.payload.type === 'drop') {
            setDragging(false);
            void importPaths(event.payload.paths);
          }
        })
        .then(
          (unlisten) => (live ? (stop = unlisten) : unlisten()),
          () => undefined,
        );
    } catch {
      // Outside the app (a plain browser, unit tests): no drag and drop of files.
    }
    return () => {
      live = false;
      try {
        stop?.();
      } catch {
        // The window is closing.
      }
    };
  }, [importPaths]);

  // Ctrl+N: a new procedure; Ctrl+O: import; Ctrl+F: search.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'n') {
        e.preventDefault();
        setCreating(true);
      } else if (key === 'o') {
        e.preventDefault();
        void chooseFiles();
      } else if (key === 'f') {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [chooseFiles]);

  const all = state.status === 'success' ? state.data : [];
  const q = fold(query.trim());
  const shown = q === '' ? all : all.filter((p) => fold(`${p.name} ${p.owner ?? ''}`).includes(q));

  return (
    <section
      className={dragging ? 'library is-dropping' : 'library'}
      aria-labelledby="library-title"
      aria-busy={state.status === 'loading'}
    >
      <div className="library__head">
        <h2 id="library-title">{t('library.title')}</h2>
        <div className="library__tools">
          <label htmlFor="library-search" className="visually-hidden">
            {t('library.search')}
          </label>
          <input
            id="library-search"
            ref={search}
            type="search"
            placeholder={t('library.search')}
            title={t('library.searchShortcut')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="library-search"
          />
          <button type="button" className="button" onClick={() => setCreating(true)} data-testid="new-procedure" title="Ctrl+N">
            {t('library.new')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => void chooseFiles()} data-testid="import-procedure" title="Ctrl+O">
            {t('library.import')}
          </button>
        </div>
      </div>
      <p className="library__hint">{t('library.dropHint')}</p>

      {creating && (
        <form
          className="library__create"
          onSubmit={(e) => {
            e.preventDefault();
            if (newName.trim() === '') return;
            void run(() => createProcedure(newName.trim())).then((p) => {
              if (!p) return;
              setCreating(false);
              setNewName('');
              onOpen(p.id);
            });
          }}
        >
          <label htmlFor="new-name">{t('library.newNameLabel')}</label>
          <input id="new-name" autoFocus value={newName} onChange={(e) => setNewName(e.target.value)} data-testid="new-name" />
          <button type="submit" className="button">
            {t('library.create')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setCreating(false)}>
            {t('library.cancel')}
          </button>
        </form>
      )}

      {error && <ErrorAlert error={error} />}
      {outcomes.length > 0 && <ImportResults outcomes={outcomes} onOpen={onOpen} onClose={() => setOutcomes([])} />}
      {state.status === 'loading' && (
        <p className="loading" role="status" data-testid="loading">
          {t('library.loading')}
        </p>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'success' && (
        <ProcedureList
          procedures={shown}
          filtered={q !== ''}
          onOpen={onOpen}
          onCompare={onCompare}
          onRename={async (id, name) => (await run(() => renameProcedure(id, name))) !== null}
          onDuplicate={(p) => void run(() => duplicateProcedure(p.id, t('library.copyOf', { name: p.name })))}
          onExport={(p) =>
            void (async () => {
              try {
                const path = await saveDialog({
                  title: t('library.exportTitle'),
                  defaultPath: `${p.id}.epure.json`,
                  filters: [
                    { name: t('library.exportProcedure'), extensions: ['json'] },
                    { name: 'BPMN 2.0', extensions: ['bpmn'] },
                  ],
                });
                if (path) await run(() => exportProcedure(p.id, path));
              } catch (reason) {
                setError(toIpcError(reason));
              }
            })()
          }
          onDelete={setDeleting}
        />
      )}
      {deleting && (
        <ConfirmDialog
          title={t('library.deleteTitle')}
          message={t('library.deleteMessage', { name: deleting.name })}
          confirm={t('library.delete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void run(() => deleteProcedure(id));
          }}
        />
      )}
    </section>
  );
}
