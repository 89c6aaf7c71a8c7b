import { useTranslation } from 'react-i18next';

import type { ProcedureSummary } from '../ipc';
import { ProcedureItem, type ItemActions } from './ProcedureItem';

export function ProcedureList({ procedures, filtered, ...actions }: { procedures: readonly ProcedureSummary[]; filtered: boolean } & ItemActions) {
  const { t } = useTranslation();

  if (procedures.length === 0) {
    return (
      <p className="empty" data-testid="empty">
        {filtered ? t('library.noMatch') : t('library.empty')}
      </p>
    );
  }

  return (
    <ul className="procedure-list">
      {procedures.map((procedure) => (
        <ProcedureItem key={procedure.id} procedure={procedure} {...actions} />
      ))}
    </ul>
  );
}
