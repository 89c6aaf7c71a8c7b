import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { SaveStatus } from '../../hooks/useEditor';
import type { EditorState, Gesture } from '../../ipc';
import { PALETTE } from './options';

interface Props {
  state: EditorState;
  status: SaveStatus;
  selected: ReadonlySet<string>;
  apply: (gesture: Gesture) => Promise<EditorState | null>;
  undo: () => Promise<EditorState | null>;
  redo: () => Promise<EditorState | null>;
  onFind: (stepId: string) => void;
}

/** The palette of step kinds, undo and redo, "Mettre en forme", find, and the saved state. */
export function Toolbar({ state, status, selected, apply, undo, redo, onFind }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const p = state.procedure;
  const selectedStep = p.steps.find((s) => selected.size === 1 && selected.has(s.id));
  const defaultLane = p.actors.find((a) => a.kind !== 'user')?.id ?? p.actors[0]?.id ?? null;

  const add = async (kind: (typeof PALETTE)[number]) => {
    const label = kind === 'end' ? '' : t('outline.newStep');
    const next = selectedStep
      ? await apply({ op: 'insert_after', after: selectedStep.id, kind, label, actor: selectedStep.actor ?? defaultLane })
      : await apply({ op: 'add_step', kind, label, actor: kind === 'end' ? null : defaultLane });
    if (next?.created) onFind(next.created);
  };

  const find = () => {
    const q = query.trim().toLocaleLowerCase();
    if (q === '') return;
    const hit = p.steps.find((s) => (s.label ?? '').toLocaleLowerCase().includes(q));
    if (hit) onFind(hit.id);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label={t('editor.toolbar')}>
      <div className="toolbar__group" role="group" aria-label={t('editor.palette')}>
        {PALETTE.map((kind) => (
          <button key={kind} type="button" className="button button--tool" onClick={() => void add(kind)} data-testid={`palette-${kind}`}>
            + {t(`diagram.kind.${kind}`)}
          </button>
        ))}
      </div>
      <div className="toolbar__group">
        <button
          type="button"
          className="button button--tool"
          onClick={() => void undo()}
          disabled={state.history.undo === 0}
          title={t('editor.undoShortcut')}
          data-testid="undo"
        >
          ↶ {t('editor.undo')}
        </button>
        <button
          type="button"
          className="button button--tool"
          onClick={() => void redo()}
          disabled={state.history.redo === 0}
          title={t('editor.redoShortcut')}
          data-testid="redo"
        >
          ↷ {t('editor.redo')}
        </button>
        <button type="button" className="button button--tool" onClick={() => void apply({ op: 'relayout' })} data-testid="layout-button">
          {t('editor.layout')}
        </button>
      </div>
      <form
        className="toolbar__group toolbar__find"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          find();
        }}
      >
        <label htmlFor="find-step" className="visually-hidden">
          {t('editor.find')}
        </label>
        <input
          id="find-step"
          type="search"
          placeholder={t('editor.find')}
          title={t('editor.findShortcut')}
          value={query} onChange={(e) => setQuery(e.target.value)} data-testid="find-step" />
      </form>
      <p className={`save-status save-status--${status}`} role="status" data-testid="save-status" data-status={status}>
        {t(`editor.status.${status}`)}
      </p>
    </div>
  );
}
