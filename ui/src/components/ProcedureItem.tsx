import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { ProcedureSummary } from '../ipc';

export interface ItemActions {
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => Promise<boolean>;
  onDuplicate: (procedure: ProcedureSummary) => void;
  onExport: (procedure: ProcedureSummary) => void;
  onDelete: (procedure: ProcedureSummary) => void;
}

export function ProcedureItem({ procedure, ...actions }: { procedure: ProcedureSummary } & ItemActions) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(procedure.name);
  const stats = [
    t('library.steps', { count: procedure.work_steps }),
    t('library.actors', { count: procedure.actors }),
    t('library.handoffs', { count: procedure.handoffs }),
  ].join(' · ');

  return (
    <li className="procedure" data-testid="procedure-item" data-procedure-id={procedure.id}>
      {renaming ? (
        <form
          className="procedure__rename"
          onSubmit={(e) => {
            e.preventDefault();
            void actions.onRename(procedure.id, name).then((ok) => ok && setRenaming(false));
          }}
        >
          <label htmlFor={`rename-${procedure.id}`} className="visually-hidden">
            {t('library.newName', { name: procedure.name })}
          </label>
          <input
            id={`rename-${procedure.id}`}
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}
            data-testid="rename-input"
          />
          <button type="submit" className="button button--secondary">
            {t('library.save')}
          </button>
        </form>
      ) : (
        <h3 className="procedure__name">
          <button type="button" className="procedure__open" onClick={() => actions.onOpen(procedure.id)} data-testid="open-procedure">
            {procedure.name}
          </button>
        </h3>
      )}
      <p className="procedure__owner">
        {procedure.owner ? t('library.owner', { owner: procedure.owner }) : t('library.noOwner')}
      </p>
      <p className="procedure__stats">{stats}</p>
      <div className="procedure__actions" role="group" aria-label={t('library.actions', { name: procedure.name })}>
        <button type="button" className="link-button" onClick={() => { setName(procedure.name); setRenaming(true); }} data-testid="rename-procedure">
          {t('library.rename')}
        </button>
        <button type="button" className="link-button" onClick={() => actions.onDuplicate(procedure)} data-testid="duplicate-procedure">
          {t('library.duplicate')}
        </button>
        <button type="button" className="link-button" onClick={() => actions.onExport(procedure)} data-testid="export-procedure">
          {t('library.export')}
        </button>
        <button type="button" className="link-button link-button--danger" onClick={() => actions.onDelete(procedure)} data-testid="delete-procedure">
          {t('library.delete')}
        </button>
      </div>
    </li>
  );
}
