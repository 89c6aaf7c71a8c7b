import { useTranslation } from 'react-i18next';

import type { ImportOutcome } from '../ipc';

interface Props {
  outcomes: ImportOutcome[];
  onOpen: (id: string) => void;
  onClose: () => void;
}

/** What became of each imported file: imported (with what a BPMN import could not map), or why not. */
export function ImportResults({ outcomes, onOpen, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <section className="import-results" aria-labelledby="import-results-title" data-testid="import-results">
      <div className="import-results__head">
        <h3 id="import-results-title">{t('import.title')}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {t('editor.dismiss')}
        </button>
      </div>
      <ul>
        {outcomes.map((o, i) => (
          <li key={`${o.file}-${i}`} className={o.error ? 'import-result is-failed' : 'import-result'} data-testid="import-result">
            {o.procedure ? (
              <p>
                {t(o.copy ? 'import.copied' : 'import.done', { file: o.file, name: o.procedure.name })}{' '}
                <button type="button" className="link-button" onClick={() => o.procedure && onOpen(o.procedure.id)}>
                  {t('import.open')}
                </button>
              </p>
            ) : (
              <p role="alert">{t(`import.errors.${o.error ?? 'unknown'}`, { file: o.file, defaultValue: t('import.errors.unknown', { file: o.file }) })}</p>
            )}
            {o.details.length > 0 && (
              <details>
                <summary>{t(o.error ? 'import.problems' : 'import.notes', { count: o.details.length })}</summary>
                <ul className="import-result__details">
                  {o.details.map((d, j) => (
                    <li key={j}>{d}</li>
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
