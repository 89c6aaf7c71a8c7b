import { useTranslation } from 'react-i18next';

import type { ProcedureSummary } from '../ipc';

interface Props {
  procedure: ProcedureSummary;
  onOpen: (id: string) => void;
}

export function ProcedureItem({ procedure, onOpen }: Props) {
  const { t } = useTranslation();
  const stats = [
    t('library.steps', { count: procedure.work_steps }),
    t('library.actors', { count: procedure.actors }),
    t('library.handoffs', { count: procedure.handoffs }),
  ].join(' · ');

  return (
    <li className="procedure" data-testid="procedure-item">
      <h3 className="procedure__name">
        <button
          type="button"
          className="procedure__open"
          onClick={() => onOpen(procedure.id)}
          data-testid="open-procedure"
        >
          {procedure.name}
        </button>
      </h3>
      <p className="procedure__owner">
        {procedure.owner ? t('library.owner', { owner: procedure.owner }) : t('library.noOwner')}
      </p>
      <p className="procedure__stats">{stats}</p>
    </li>
  );
}
