import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../components/ErrorAlert';
import { Canvas } from '../components/editor/Canvas';
import { DataPanel } from '../components/editor/DataPanel';
import { FindingsPanel } from '../components/editor/FindingsPanel';
import { MetricsBar } from '../components/editor/MetricsBar';
import { Outline } from '../components/editor/Outline';
import { Properties } from '../components/editor/Properties';
import { Toolbar } from '../components/editor/Toolbar';
import { ReportsPanel } from '../components/reports/ReportsPanel';
import { useAnalysis, useEditor } from '../hooks/useEditor';
import { errorMessage, type FindingView } from '../ipc';

interface Props {
  id: string;
  onBack: () => void;
  /** "Simplifier": the review of the proposals. */
  onSimplify: () => void;
  /** "Comparer": the comparison, from the working copy. */
  onCompare: () => void;
}

type View = 'canvas' | 'outline';
type Side = 'findings' | 'properties' | 'data' | 'reports';

/** Whether a key press belongs to a text field (which keeps its own undo, select-all…). */
function inTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The editor of one procedure: canvas or outline, properties, data, live findings. */
export function EditorPage({ id, onBack, onSimplify, onCompare }: Props) {
  const { t } = useTranslation();
  const editor = useEditor(id);
  const { analysis } = useAnalysis(id);
  const [view, setView] = useState<View>('canvas');
  const [side, setSide] = useState<Side>('findings');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [active, setActive] = useState<{ index: number; finding: FindingView } | null>(null);
  const [reveal, setReveal] = useState<{ ids: readonly string[]; seq: number } | null>(null);
  const { state, apply, undo, redo } = editor;

  const highlighted = useMemo(() => new Set(active?.finding.subjects ?? []), [active]);
  const critical = useMemo(() => new Set(analysis?.metrics.critical_path ?? []), [analysis]);

  // A finding that no longer holds after an edit stops being highlighted.
  useEffect(() => {
    if (!active || !analysis) return;
    const still = analysis.findings.findIndex(
      (f) => f.rule === active.finding.rule && f.subjects.join() === active.finding.subjects.join(),
    );
    if (still < 0) setActive(null);
    else if (still !== active.index) setActive({ index: still, finding: active.finding });
  }, [analysis, active]);

  const onSelect = useCallback((ids: string[]) => {
    setSelected((prev) => (prev.size === ids.length && ids.every((i) => prev.has(i)) ? prev : new Set(ids)));
  }, []);
  const onConnect = useCallback((from: string, to: string) => void apply({ op: 'connect', from, to }), [apply]);
  const onPlace = useCallback((step: string, x: number, y: number) => void apply({ op: 'place', step, x, y }), [apply]);

  const removeSelected = useCallback(() => {
    if (!state || selected.size === 0) return;
    const steps = state.procedure.steps.filter((s) => selected.has(s.id)).map((s) => s.id);
    const flows = state.procedure.flows.filter((f) => selected.has(f.id)).map((f) => f.id);
    if (steps.length > 0) void apply({ op: 'remove_steps', steps });
    else if (flows.length === 1 && flows[0]) void apply({ op: 'disconnect', flow: flows[0] });
    setSelected(new Set());
  }, [apply, selected, state]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && key === 'z' && !inTextField(e.target)) {
        e.preventDefault();
        void (e.shiftKey ? redo() : undo());
      } else if (mod && key === 'y' && !inTextField(e.target)) {
        e.preventDefault();
        void redo();
      } else if ((e.key === 'Delete' || e.key === 'Backspace') && !inTextField(e.target)) {
        e.preventDefault();
        removeSelected();
      } else if (mod && key === 'a' && !inTextField(e.target) && state) {
        e.preventDefault();
        setSelected(new Set(state.procedure.steps.map((s) => s.id)));
      } else if (mod && key === 'f') {
        e.preventDefault();
        document.querySelector<HTMLInputElement>('[data-testid=find-step]')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo, removeSelected, state]);

  if (editor.loadError) {
    return (
      <section className="editor-page">
        <button type="button" className="link-button" onClick={onBack} data-testid="back">
          {t('procedure.back')}
        </button>
        <ErrorAlert error={editor.loadError} onRetry={editor.reload} />
      </section>
    );
  }
  if (!state) {
    return (
      <p className="loading" role="status" data-testid="loading">
        {t('procedure.loading')}
      </p>
    );
  }

  const findingCount = analysis?.findings.length ?? 0;
  return (
    <section className="editor-page" aria-labelledby="editor-title">
      <div className="editor-page__head">
        <button type="button" className="link-button" onClick={onBack} data-testid="back">
          {t('procedure.back')}
        </button>
        <h2 id="editor-title" data-testid="procedure-title">
          {state.procedure.procedure.name}
        </h2>
        <div className="editor-page__actions">
          <button type="button" className="button" onClick={onSimplify} data-testid="simplify-button">
            {t('review.simplify')}
          </button>
          <button type="button" className="button button--secondary" onClick={onCompare} data-testid="compare-button">
            {t('compare.button')}
          </button>
        </div>
      </div>
      <Toolbar
        state={state}
        status={editor.status}
        selected={selected}
        apply={apply}
        undo={undo}
        redo={redo}
        onFind={(stepId) => {
          setSelected(new Set([stepId]));
          setSide('properties');
          setReveal((r) => ({ ids: [stepId], seq: (r?.seq ?? 0) + 1 }));
        }}
      />
      {editor.editError && (
        <div className="alert alert--error" role="alert" data-testid="edit-error">
          <p>{t('editor.refused', { reason: errorMessage(editor.editError, t) })}</p>
          <button type="button" className="link-button" onClick={editor.dismissError}>
            {t('editor.dismiss')}
          </button>
        </div>
      )}
      <MetricsBar metrics={analysis?.metrics ?? null} />
      <div className="editor-page__body">
        <div className="editor-page__main">
          <div role="tablist" aria-label={t('editor.views')} className="tabs">
            <button type="button" role="tab" aria-selected={view === 'canvas'} onClick={() => setView('canvas')} data-testid="view-canvas">
              {t('editor.canvas')}
            </button>
            <button type="button" role="tab" aria-selected={view === 'outline'} onClick={() => setView('outline')} data-testid="view-outline">
              {t('editor.outline')}
            </button>
          </div>
          <div role="tabpanel" className="editor-page__view">
            {view === 'canvas' ? (
              <Canvas
                layout={state.layout}
                highlighted={highlighted}
                critical={critical}
                selected={selected}
                onSelect={onSelect}
                onConnect={onConnect}
                onPlace={onPlace}
                reveal={reveal}
              />
            ) : (
              <Outline procedure={state.procedure} apply={apply} selected={selected} onSelect={onSelect} />
            )}
          </div>
        </div>
        <aside className="editor-page__side" aria-label={t('editor.side')}>
          <div role="tablist" aria-label={t('editor.side')} className="tabs">
            <button type="button" role="tab" aria-selected={side === 'findings'} onClick={() => setSide('findings')} data-testid="side-findings">
              {t('editor.findings', { count: findingCount })}
            </button>
            <button type="button" role="tab" aria-selected={side === 'properties'} onClick={() => setSide('properties')} data-testid="side-properties">
              {t('editor.properties')}
            </button>
            <button type="button" role="tab" aria-selected={side === 'data'} onClick={() => setSide('data')} data-testid="side-data">
              {t('editor.data')}
            </button>
            <button type="button" role="tab" aria-selected={side === 'reports'} onClick={() => setSide('reports')} data-testid="side-reports">
              {t('editor.reports')}
            </button>
          </div>
          <div role="tabpanel" className="editor-page__panel">
            {side === 'findings' && (
              <FindingsPanel
                analysis={analysis}
                active={active?.index ?? null}
                onActivate={(index, finding) => {
                  setActive(index === null || !finding ? null : { index, finding });
                  // Bring the finding's steps into view on the canvas (its first one at least).
                  const steps = new Set(state.procedure.steps.map((x) => x.id));
                  const ids = finding?.subjects.filter((s) => steps.has(s)) ?? [];
                  if (ids.length > 0) setReveal((r) => ({ ids, seq: (r?.seq ?? 0) + 1 }));
                }}
              />
            )}
            {side === 'properties' && <Properties procedure={state.procedure} selected={selected} apply={apply} />}
            {side === 'data' && <DataPanel procedure={state.procedure} apply={apply} />}
            {side === 'reports' && (
              <ReportsPanel
                procedureId={id}
                before={{ procedure: id, version: null }}
                after={null}
                fileStem={state.procedure.procedure.name}
              />
            )}
          </div>
        </aside>
      </div>
    </section>
  );
}
