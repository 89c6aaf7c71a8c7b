import { useTranslation } from 'react-i18next';

import type { ProcedureSummary } from '../ipc';

interface Props {
  procedure: ProcedureSummary;
}

export function ProcedureItem({ procedure }: Props) {
  const { t } = useTranslation();
  const stats = [
    t('samples.steps', { count: procedure.work_steps }),
    t('samples.actors', { count: procedure.actors }),
    t('samples.handoffs', { count: procedure.handoffs }),
  ].join(' · ');

  return (
    <li className="procedure" data-testid="procedure-item">
      <h3 className="procedure__name">{procedure.name}</h3>
      <p className="procedure__owner">
        {procedure.owner ? t('samples.owner', { owner: procedure.owner }) : t('samples.noOwner')}
      </p>
      <p className="procedure__stats">{stats}</p>
    </li>
  );
}
