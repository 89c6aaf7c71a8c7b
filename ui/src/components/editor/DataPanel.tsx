import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DataJson, DataKind, EditorState, Gesture, Patch, ProcedureFile } from '../../ipc';
import { SelectField, TextField } from './fields';
import { DATA_KINDS } from './options';

interface Props {
  procedure: ProcedureFile;
  apply: (gesture: Gesture) => Promise<EditorState | null>;
}

/** The data dictionary: the documents and data the steps ask for, enter, check or produce. */
export function DataPanel({ procedure, apply }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DataKind>('document');
  const update = (item: DataJson, change: Patch<DataJson>) => {
    const next = { ...item, ...change } as DataJson;
    if (next.kind === undefined) delete next.kind;
    if (next.held_by?.length === 0) delete next.held_by;
    void apply({ op: 'edit', edit: { op: 'update_data', item: next } });
  };
  const uses = (id: string) =>
    procedure.steps.filter((s) => [s.requests, s.enters, s.checks, s.produces].some((l) => l?.includes(id))).length;

  return (
    <div className="data-panel" data-testid="data-panel">
      <form
        className="data-panel__add"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim() === '') return;
          void apply({ op: 'add_data', name: name.trim(), kind }).then((s) => s && setName(''));
        }}
      >
        <div className="field">
          <label htmlFor="data-new-name">{t('data.newName')}</label>
          <input id="data-new-name" value={name} onChange={(e) => setName(e.target.value)} data-testid="data-new-name" />
        </div>
        <SelectField label={t('data.kind')} value={kind} options={DATA_KINDS} optionLabel={(k) => t(`dataKind.${k}`)} onChange={(k) => k && setKind(k)} />
        <button type="submit" className="button" data-testid="data-add">
          {t('data.add')}
        </button>
      </form>
      <ul className="data-panel__list">
        {procedure.data.map((d) => (
          <li key={d.id} className="data-item" data-testid="data-item" data-data-id={d.id}>
            <TextField label={t('data.name')} value={d.name} onCommit={(v) => v.trim() && update(d, { name: v.trim() })} />
            <SelectField label={t('data.kind')} value={d.kind ?? 'document'} options={DATA_KINDS} optionLabel={(k) => t(`dataKind.${k}`)} onChange={(k) => update(d, { kind: k })} />
            <TextField
              label={t('data.heldBy')}
              value={(d.held_by ?? []).join(', ')}
              onCommit={(v) => update(d, { held_by: v.split(',').map((x) => x.trim()).filter(Boolean) })}
            />
            <p className="data-item__uses">{t('data.uses', { count: uses(d.id) })}</p>
            <button type="button" className="button button--secondary" onClick={() => void apply({ op: 'remove_data', item: d.id })}>
              {t('data.remove', { name: d.name })}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
