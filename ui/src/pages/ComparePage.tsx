import type { Viewport } from '@xyflow/react';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../components/ErrorAlert';
import { BarChart } from '../components/compare/BarChart';
import { DeltaTable } from '../components/compare/DeltaTable';
import { Canvas, type CanvasInstance } from '../components/editor/Canvas';
import { ReportsPanel } from '../components/reports/ReportsPanel';
import {
  compareSides,
  listProcedures,
  listVersions,
  type CompareView,
  type IpcError,
  type ProcedureSummary,
  type SideRef,
  type SideView,
  type VersionView,
} from '../ipc';

interface Props {
  /** The procedure the page was opened from (its versions are offered, its reports listed). */
  procedureId: string;
  initial: { before: SideRef; after: SideRef };
  onBack: () => void;
}

type Mode = 'side' | 'overlay';

/**
 * Where two boxes of the page sit is where the drawings are largest: side by side each box is
 * about 1.6 times as wide as tall, one under the other about 3.2. A procedure's lanes are
 * usually much wider than tall, so it is most often one under the other; a tall one goes side
 * by side. Each box then takes the drawings' shape (`aspect`, width / height), within the
 * heights the page allows.
 */
export function arrangement(a: { width: number; height: number }, b: { width: number; height: number }) {
  const width = Math.max(a.width, b.width, 1);
  const height = Math.max(a.height, b.height, 1);
  const aspect = width / height;
  return { rows: aspect > SIDE_BY_SIDE_ASPECT, aspect };
}
const SIDE_BY_SIDE_ASPECT = 1.6;

const encode = (s: SideRef) => `${s.procedure}|${s.version ?? ''}`;
function decode(v: string): SideRef {
  const [procedure = '', version = ''] = v.split('|');
  return { procedure, version: version === '' ? null : Number(version) };
}

function SidePicker({
  label,
  value,
  onChange,
  procedures,
  versions,
  testId,
}: {
  label: string;
  value: SideRef;
  onChange: (s: SideRef) => void;
  procedures: ProcedureSummary[];
  versions: VersionView[];
  testId: string;
}) {
  const { t } = useTranslation();
  const id = `pick-${testId}`;
  return (
    <div className="field compare-page__pick">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={encode(value)} onChange={(e) => onChange(decode(e.target.value))} data-testid={testId}>
        {versions.map((v) => (
          <option key={v.id} value={encode({ procedure: v.procedure_id, version: v.id })}>
            {v.name}
          </option>
        ))}
        {procedures.map((p) => (
          <option key={p.id} value={encode({ procedure: p.id, version: null })}>
            {t('compare.working', { name: p.name })}
          </option>
        ))}
      </select>
    </div>
  );
}

function sideTitle(s: SideView, t: TFunction) {
  return s.version_name === null ? t('compare.working', { name: s.name }) : t('compare.version', { name: s.name, version: s.version_name });
}

/** One side of the side-by-side comparison: its title over its drawing. */
function CompareSide(props: {
  side: 'before' | 'after';
  view: SideView;
  statuses: ReadonlyMap<string, string>;
  onReady: (i: CanvasInstance) => void;
  onViewport: (v: Viewport) => void;
  /** The box's width / height, when the two drawings are one under the other. */
  aspect: number | null;
}) {
  const { t } = useTranslation();
  const { side, view } = props;
  return (
    <div className="compare-page__side">
      <h3 data-testid={`${side}-title`}>{sideTitle(view, t)}</h3>
      <div className="compare-page__canvas" style={props.aspect === null ? undefined : { aspectRatio: props.aspect, height: 'auto' }}>
        <Canvas
          layout={view.layout}
          readOnly
          statuses={props.statuses}
          label={t(side === 'before' ? 'compare.canvasBefore' : 'compare.canvasAfter')}
          testId={`compare-canvas-${side}`}
          onReady={props.onReady}
          onViewport={props.onViewport}
        />
      </div>
    </div>
  );
}

/**
 * Any two versions or procedures: side by side with pan and zoom moving together, or one
 * overlay (added green, changed amber, removed red); the metrics with their change, a bar
 * chart and the yearly figures; and the before/after report.
 */
export function ComparePage({ procedureId, initial, onBack }: Props) {
  const { t } = useTranslation();
  const [before, setBefore] = useState<SideRef>(initial.before);
  const [after, setAfter] = useState<SideRef>(initial.after);
  const [mode, setMode] = useState<Mode>('side');
  const [view, setView] = useState<CompareView | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [procedures, setProcedures] = useState<ProcedureSummary[]>([]);
  const [versions, setVersions] = useState<VersionView[]>([]);

  useEffect(() => {
    listProcedures().then(setProcedures, () => setProcedures([]));
    listVersions(procedureId).then(setVersions, () => setVersions([]));
  }, [procedureId]);

  useEffect(() => {
    let current = true;
    setView(null);
    setError(null);
    compareSides(before, after).then(
      (v) => current && setView(v),
      (e: IpcError) => current && setError(e),
    );
    return () => {
      current = false;
    };
  }, [before, after]);

  // Pan and zoom move both drawings together: whichever the agent moves leads.
  const left = useRef<CanvasInstance | null>(null);
  const right = useRef<CanvasInstance | null>(null);
  // Moving the other one makes it report its move too: it stops when both already agree.
  const follow = useCallback(
    (other: RefObject<CanvasInstance | null>) => (v: Viewport) => {
      const o = other.current?.getViewport();
      if (!o || (Math.abs(o.x - v.x) < 0.5 && Math.abs(o.y - v.y) < 0.5 && Math.abs(o.zoom - v.zoom) < 1e-3)) return;
      void other.current?.setViewport(v);
    },
    [],
  );
  const onLeftReady = useCallback((i: CanvasInstance) => {
    left.current = i;
  }, []);
  const onRightReady = useCallback((i: CanvasInstance) => {
    right.current = i;
    // Start where the left one is, so that both show the same part from the first frame.
    const v = left.current?.getViewport();
    if (v) void i.setViewport(v);
  }, []);

  const maps = useMemo(
    () => ({
      before: new Map((view?.before_status ?? []).map((s) => [s.step, s.status])),
      after: new Map((view?.after_status ?? []).map((s) => [s.step, s.status])),
      overlay: new Map((view?.overlay_status ?? []).map((s) => [s.step, s.status])),
      removedFlows: new Set(view?.overlay_removed_flows ?? []),
    }),
    [view],
  );
  const shape = arrangement(view?.before.layout ?? { width: 1, height: 1 }, view?.after.layout ?? { width: 1, height: 1 });
  const perCase = view?.deltas.filter((d) => !d.metric.startsWith('yearly.')) ?? [];
  const yearly = view?.deltas.filter((d) => d.metric.startsWith('yearly.')) ?? [];
  const sameProcedure = before.procedure === procedureId;

  return (
    <section className="compare-page" aria-labelledby="compare-title" data-testid="compare-view" data-mode={mode}>
      <div className="editor-page__head">
        <button type="button" className="link-button" onClick={onBack} data-testid="back">
          {t('compare.back')}
        </button>
        <h2 id="compare-title">{t('compare.title')}</h2>
      </div>
      <div className="compare-page__tools">
        <SidePicker label={t('compare.before')} value={before} onChange={setBefore} procedures={procedures} versions={versions} testId="compare-before" />
        <SidePicker label={t('compare.after')} value={after} onChange={setAfter} procedures={procedures} versions={versions} testId="compare-after" />
        <div className="compare-page__mode" role="group" aria-label={t('compare.mode')}>
          <button type="button" className="button button--toggle" aria-pressed={mode === 'side'} onClick={() => setMode('side')} data-testid="mode-side">
            {t('compare.sideBySide')}
          </button>
          <button type="button" className="button button--toggle" aria-pressed={mode === 'overlay'} onClick={() => setMode('overlay')} data-testid="mode-overlay">
            {t('compare.overlay')}
          </button>
        </div>
        <ul className="compare-legend" aria-label={t('compare.legend')}>
          <li className="compare-legend__item is-added">{t('compare.legendAdded')}</li>
          <li className="compare-legend__item is-changed">{t('compare.legendChanged')}</li>
          <li className="compare-legend__item is-removed">{t('compare.legendRemoved')}</li>
        </ul>
      </div>
      {error && <ErrorAlert error={error} />}
      {!view && !error && (
        <p className="loading" role="status">
          {t('compare.loading')}
        </p>
      )}
      {view && (
        <>
          {mode === 'side' ? (
            <div className={`compare-page__canvases${shape.rows ? ' compare-page__canvases--rows' : ''}`} data-arrangement={shape.rows ? 'rows' : 'columns'}>
              <CompareSide side="before" view={view.before} statuses={maps.before} onReady={onLeftReady} onViewport={follow(right)} aspect={shape.rows ? shape.aspect : null} />
              <CompareSide side="after" view={view.after} statuses={maps.after} onReady={onRightReady} onViewport={follow(left)} aspect={shape.rows ? shape.aspect : null} />
            </div>
          ) : (
            <div
              className="compare-page__canvas compare-page__canvas--overlay"
              style={{ aspectRatio: arrangement(view.overlay, view.overlay).aspect, height: 'auto' }}
            >
              <Canvas
                layout={view.overlay}
                readOnly
                statuses={maps.overlay}
                removedFlows={maps.removedFlows}
                label={t('compare.canvasOverlay')}
                testId="compare-canvas-overlay"
              />
            </div>
          )}
          <div className="compare-page__figures">
            <div>
              <h3>{t('compare.metrics')}</h3>
              <DeltaTable deltas={perCase} />
            </div>
            <div>
              <BarChart deltas={perCase} />
              <h3>{t('compare.yearly')}</h3>
              {yearly.length > 0 ? <DeltaTable deltas={yearly} testId="yearly-table" /> : <p className="panel__empty">{t('compare.noYearly')}</p>}
            </div>
          </div>
          <ReportsPanel
            procedureId={sameProcedure ? procedureId : before.procedure}
            before={before}
            after={after}
            fileStem={view.before.name}
          />
        </>
      )}
    </section>
  );
}
