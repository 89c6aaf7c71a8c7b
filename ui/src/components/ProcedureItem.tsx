import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatStoredDate } from '../i18n/format';
import type { ProcedureSummary, SideRef, VersionView } from '../ipc';

export interface ItemActions {
  onOpen: (id: string) => void;
  onRename: (id: string, name: string) => Promise<boolean>;
  onDuplicate: (procedure: ProcedureSummary) => void;
  onExport: (procedure: ProcedureSummary) => void;
  onDelete: (procedure: ProcedureSummary) => void;
  /** Compare two states of a procedure (its working copy or versions). */
  onCompare: (id: string, before: SideRef, after: SideRef) => void;
}

/**
 * What a version is compared with: the version it was derived from (a target with the state it
 * simplifies), else the procedure as it is now.
 */
export function comparedWith(version: VersionView): SideRef {
  return { procedure: version.procedure_id, version: version.derived_from };
}

/** The named versions of a procedure, each with its kind and date, to compare. */
function Versions({ procedure, onCompare }: { procedure: ProcedureSummary; onCompare: ItemActions['onCompare'] }) {
  const { t } = useTranslation();
  if (procedure.versions.length === 0) return null;
  return (
    <details className="procedure__versions" data-testid="procedure-versions">
      <summary>{t('library.versions', { count: procedure.versions.length })}</summary>
      <ul>
        {procedure.versions.map((v) => (
          <li key={v.id} data-testid="version-item" data-version-id={v.id}>
            <span className="procedure__version-name">{v.name}</span>
            <span className="procedure__version-meta">
              {t(`library.variant.${v.variant}`)} · {formatStoredDate(v.created_at, { dateStyle: 'long' })}
            </span>
            <button
              type="button"
              className="link-button"
              onClick={() => onCompare(procedure.id, comparedWith(v), { procedure: procedure.id, version: v.id })}
              data-testid="compare-version"
              aria-label={t(v.derived_from === null ? 'library.compareWithWorking' : 'library.compareVersion', { name: v.name })}
            >
              {t('library.compare')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
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
      <Versions procedure={procedure} onCompare={actions.onCompare} />
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
