import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../components/ErrorAlert';
import { ProcedureDiagram } from '../components/ProcedureDiagram';
import { useIpcQuery } from '../hooks/useIpcQuery';
import { procedureView } from '../ipc';

interface Props {
  id: string;
  onBack: () => void;
}

/** One procedure, drawn in swimlanes from the layout computed in Rust. */
export function ProcedurePage({ id, onBack }: Props) {
  const { t } = useTranslation();
  const load = useCallback(() => procedureView(id), [id]);
  const { state, reload } = useIpcQuery(load);

  return (
    <section className="procedure-page" aria-busy={state.status === 'loading'}>
      <button type="button" className="link-button" onClick={onBack} data-testid="back">
        {t('procedure.back')}
      </button>
      {state.status === 'loading' && (
        <p className="loading" role="status" data-testid="loading">
          {t('procedure.loading')}
        </p>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'success' && (
        <>
          <h2 data-testid="procedure-title">{state.data.summary.name}</h2>
          <p className="procedure__stats">
            {[
              t('library.steps', { count: state.data.summary.work_steps }),
              t('library.actors', { count: state.data.summary.actors }),
              t('library.handoffs', { count: state.data.summary.handoffs }),
            ].join(' · ')}
          </p>
          <ProcedureDiagram
            layout={state.data.layout}
            title={t('procedure.diagramTitle', { name: state.data.summary.name })}
          />
        </>
      )}
    </section>
  );
}
