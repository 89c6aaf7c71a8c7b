import { save as saveDialog } from '@tauri-apps/plugin-dialog';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ConfirmDialog } from '../ConfirmDialog';
import { ErrorAlert } from '../ErrorAlert';
import { formatStoredDate } from '../../i18n/format';
import {
  cancelReport,
  deleteReport,
  generateReport,
  listReports,
  openReport,
  saveReport,
  toIpcError,
  type IpcError,
  type ReportProgress,
  type ReportView,
  type SideRef,
} from '../../ipc';

interface Props {
  /** The procedure the reports are kept with. */
  procedureId: string;
  /** What a new report is about: one side, or a before/after pair. */
  before: SideRef;
  after: SideRef | null;
  /** A file name for the saved copy (without extension). */
  fileStem: string;
}

const dateOf = (stored: string) => formatStoredDate(stored);

/**
 * "Générer le rapport" with a progress bar fed by Rust, and the reports kept with the
 * procedure: open in the PDF viewer, save a copy, delete.
 */
export function ReportsPanel({ procedureId, before, after, fileStem }: Props) {
  const { t, i18n } = useTranslation();
  const [reports, setReports] = useState<ReportView[] | null>(null);
  const [progress, setProgress] = useState<ReportProgress | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [done, setDone] = useState<ReportView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ReportView | null>(null);
  // How many progress messages the last report sent (shown on its notice, for tests).
  const heard = useRef(0);

  const refresh = useCallback(() => {
    listReports(procedureId).then(setReports, (e: unknown) => setError(toIpcError(e)));
  }, [procedureId]);
  useEffect(refresh, [refresh]);

  const run = async (action: () => Promise<void>) => {
    setError(null);
    setNotice(null);
    try {
      await action();
    } catch (e) {
      setError(toIpcError(e));
    }
  };

  const generate = () =>
    run(async () => {
      setDone(null);
      setProgress({ phase: 'analysis', done: 0, total: 1, percent: 0 });
      try {
        const lang = i18n.resolvedLanguage === 'en' ? 'en' : 'fr';
        // Progress only moves forward, whatever order the messages arrive in.
        heard.current = 0;
        const made = await generateReport(procedureId, before, after, lang, (p) => {
          heard.current += 1;
          setProgress((prev) => (prev && prev.percent > p.percent ? prev : p));
        });
        setDone(made);
        refresh();
      } finally {
        setProgress(null);
      }
    });

  const versionName = (v: string | null) => v ?? t('reports.working');
  const busy = progress !== null;
  return (
    <section className="reports" aria-labelledby="reports-title" data-testid="reports-panel">
      <h3 id="reports-title">{t('reports.title')}</h3>
      <div className="reports__generate">
        <button type="button" className="button" onClick={() => void generate()} disabled={busy} data-testid="report-button">
          {after ? t('reports.generateCompare') : t('reports.generate')}
        </button>
        {busy && (
          <button type="button" className="button button--secondary" onClick={() => void cancelReport()} data-testid="cancel-report">
            {t('reports.cancel')}
          </button>
        )}
      </div>
      {progress && (
        <div className="reports__progress" data-testid="report-progress" data-percent={Math.round(progress.percent)}>
          <progress
            max={100}
            value={progress.percent}
            aria-label={t('reports.progress')}
            aria-valuetext={t(`reports.phase.${progress.phase}`, { done: progress.done + 1, total: progress.total })}
          />
          <p role="status">{t(`reports.phase.${progress.phase}`, { done: Math.min(progress.done + 1, progress.total), total: progress.total })}</p>
        </div>
      )}
      {done && (
        <p className="alert alert--success" role="status" data-testid="report-done" data-sha256={done.sha256} data-pages={done.page_count} data-progress={heard.current}>
          {t('reports.done', { count: done.page_count })}
        </p>
      )}
      {notice && (
        <p className="alert alert--success" role="status">
          {notice}
        </p>
      )}
      {error && <ErrorAlert error={error} />}
      {reports === null ? (
        <p className="loading">{t('reports.loading')}</p>
      ) : reports.length === 0 ? (
        <p className="panel__empty" data-testid="reports-empty">
          {t('reports.empty')}
        </p>
      ) : (
        <ul className="reports__list">
          {reports.map((r) => (
            <li
              key={r.id}
              className="report-item"
              data-testid="report-list-item"
              data-report-id={r.id}
              data-sha256={r.sha256}
              data-pages={r.page_count}
            >
              <p className="report-item__title">{t('reports.item', { date: dateOf(r.created_at) })}</p>
              <p className="report-item__meta">
                {r.comparison
                  ? t('reports.pair', { a: versionName(r.version_a), b: versionName(r.version_b) })
                  : t('reports.single', { version: versionName(r.version_a) })}
                {' · '}
                {r.lang === 'en' || r.lang === 'fr' ? t(`reports.lang.${r.lang}`) : r.lang}
                {' · '}
                {t('reports.pages', { count: r.page_count })}
              </p>
              <div className="report-item__actions">
                <button type="button" className="link-button" onClick={() => void run(() => openReport(r.id))} data-testid="open-report">
                  {t('reports.open')}
                </button>
                <button
                  type="button"
                  className="link-button"
                  data-testid="save-report"
                  onClick={() =>
                    void run(async () => {
                      const path = await saveDialog({
                        title: t('reports.save'),
                        defaultPath: t('reports.fileName', { name: fileStem }),
                        filters: [{ name: t('reports.filter'), extensions: ['pdf'] }],
                      });
                      if (path) {
                        await saveReport(r.id, path);
                        setNotice(t('reports.saved'));
                      }
                    })
                  }
                >
                  {t('reports.save')}
                </button>
                <button type="button" className="link-button link-button--danger" onClick={() => setDeleting(r)} data-testid="delete-report">
                  {t('reports.delete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {deleting && (
        <ConfirmDialog
          title={t('reports.deleteTitle')}
          message={t('reports.deleteText', { date: dateOf(deleting.created_at) })}
          confirm={t('reports.confirmDelete')}
          onCancel={() => setDeleting(null)}
          onConfirm={() => {
            const id = deleting.id;
            setDeleting(null);
            void run(async () => {
              await deleteReport(id);
              if (done?.id === id) setDone(null);
              refresh();
            });
          }}
        />
      )}
    </section>
  );
}
