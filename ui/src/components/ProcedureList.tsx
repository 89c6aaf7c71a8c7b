import { useTranslation } from 'react-i18next';

import type { ProcedureSummary } from '../ipc';
import { ProcedureItem } from './ProcedureItem';

interface Props {
  procedures: readonly ProcedureSummary[];
  onOpen: (id: string) => void;
}

export function ProcedureList({ procedures, onOpen }: Props) {
  const { t } = useTranslation();

  if (procedures.length === 0) {
    return (
      <p className="empty" data-testid="empty">
        {t('library.empty')}
      </p>
    );
  }

  return (
    <ul className="procedure-list">
      {procedures.map((procedure) => (
        <ProcedureItem key={procedure.id} procedure={procedure} onOpen={onOpen} />
      ))}
    </ul>
  );
}
