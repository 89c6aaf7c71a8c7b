import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../components/ErrorAlert';
import { ProcedureList } from '../components/ProcedureList';
import { useIpcQuery } from '../hooks/useIpcQuery';
import { listProcedures } from '../ipc';

interface Props {
  onOpen: (id: string) => void;
}

/** "Accueil": the sample procedures shipped with the app. */
export function HomePage({ onOpen }: Props) {
  const { t } = useTranslation();
  const { state, reload } = useIpcQuery(listProcedures);

  return (
    <section className="library" aria-labelledby="library-title" aria-busy={state.status === 'loading'}>
      <h2 id="library-title">{t('library.title')}</h2>
      {state.status === 'loading' && (
        <p className="loading" role="status" data-testid="loading">
          {t('library.loading')}
        </p>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {state.status === 'success' && <ProcedureList procedures={state.data} onOpen={onOpen} />}
    </section>
  );
}
