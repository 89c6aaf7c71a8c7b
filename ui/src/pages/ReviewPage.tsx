import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '../components/ErrorAlert';
import { Canvas } from '../components/editor/Canvas';
import { DeltaTable } from '../components/compare/DeltaTable';
import { formatDate, keepFrenchSpaces } from '../i18n/format';
import { formatEffect } from '../components/compare/figures';
import { useIpcQuery } from '../hooks/useIpcQuery';
import {
  createTarget,
  listProposals,
  previewTarget,
  type FindingKey,
  type IpcError,
  type PreviewView,
  type ProposalView,
  type VersionView,
} from '../ipc';

interface Props {
  id: string;
  onBack: () => void;
  /** Opens the comparison of the version the target was derived from and the target. */
  onCompare: (target: VersionView) => void;
}

const keyOf = (k: FindingKey) => `${k.rule}|${k.subjects.join(',')}`;

/** One proposal: its finding, what it changes, its effect in figures, and the agent's decision. */
function ProposalItem({
  proposal,
  accepted,
  onDecide,
}: {
  proposal: ProposalView;
  accepted: boolean;
  onDecide: (accept: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.resolvedLanguage === 'en';
  const title = en ? proposal.title_en : keepFrenchSpaces(proposal.title_fr);
  const refusal = en ? proposal.refusal_en : proposal.refusal_fr;
  const effects = proposal.effect ? formatEffect(proposal.effect, t) : [];
  return (
    <li
      className={`proposal proposal--${proposal.severity}${refusal ? ' is-refused' : accepted ? ' is-accepted' : ''}`}
      data-testid="proposal-item"
      data-rule={proposal.key.rule}
      data-accepted={refusal ? undefined : accepted ? 'true' : 'false'}
    >
      <p className="proposal__severity">{t(`severity.${proposal.severity}`)}</p>
      <h4 className="proposal__title">{title}</h4>
      <p className="proposal__explanation">{en ? proposal.explanation_en : keepFrenchSpaces(proposal.explanation_fr)}</p>
      {refusal ? (
        <p className="proposal__refusal" data-testid="proposal-refusal">
          {t('review.refused', { reason: refusal })}
        </p>
      ) : (
        <>
          {(proposal.changes.length > 0 || proposal.flows_added + proposal.flows_removed > 0) && (
            <div className="proposal__changes">
              <h5>{t('review.changes')}</h5>
              <ul>
                {proposal.changes.map((c, i) => (
                  <li key={i} data-change={c.kind}>
                    {t(`review.change.${c.kind}`, {
                      label: c.label,
                      lane: c.to_lane ?? '',
                      fields: c.fields.map((f) => t(`review.field.${f}`, { defaultValue: f })).join(', '),
                    })}
                  </li>
                ))}
                {proposal.flows_added + proposal.flows_removed > 0 && (
                  <li>{t('review.flows', { added: proposal.flows_added, removed: proposal.flows_removed })}</li>
                )}
              </ul>
            </div>
          )}
          {effects.length > 0 && (
            <div className="proposal__effect">
              <h5>{t('review.effect')}</h5>
              <dl>
                {effects.map(([key, label, value]) => (
                  <div key={key} data-effect={key}>
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
          )}
          <div className="proposal__decision" role="group" aria-label={t('review.decision', { title })}>
            <button
              type="button"
              className="button button--toggle"
              aria-pressed={accepted}
              onClick={() => onDecide(true)}
              data-testid="accept-proposal"
            >
              {t('review.accept')}
            </button>
            <button
              type="button"
              className="button button--toggle"
              aria-pressed={!accepted}
              onClick={() => onDecide(false)}
              data-testid="reject-proposal"
            >
              {t('review.reject')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}

/**
 * "Simplifier": every proposal of the procedure, accepted or rejected one by one, a live
 * preview of the resulting procedure, and the target version kept under a name.
 */
export function ReviewPage({ id, onBack, onCompare }: Props) {
  const { t, i18n } = useTranslation();
  const en = i18n.resolvedLanguage === 'en';
  const load = useCallback(() => listProposals(id), [id]);
  const { state, reload } = useIpcQuery(load);
  const review = state.status === 'success' ? state.data : null;
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(new Set());
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [previewError, setPreviewError] = useState<IpcError | null>(null);
  const [name, setName] = useState(() => t('review.defaultName', { date: formatDate(new Date()) }));
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<VersionView | null>(null);
  const [createError, setCreateError] = useState<IpcError | null>(null);

  const open = useMemo(() => review?.proposals.filter((p) => p.refusal_fr === null) ?? [], [review]);
  const keys = useMemo(() => open.filter((p) => accepted.has(keyOf(p.key))).map((p) => p.key), [open, accepted]);

  // The live preview follows every decision; an answer to an older decision is dropped.
  useEffect(() => {
    if (!review) return;
    let current = true;
    previewTarget(id, keys).then(
      (p) => {
        if (current) {
          setPreview(p);
          setPreviewError(null);
        }
      },
      (e: IpcError) => current && setPreviewError(e),
    );
    return () => {
      current = false;
    };
  }, [id, review, keys]);

  const decide = (p: ProposalView, accept: boolean) => {
    setCreated(null);
    setAccepted((prev) => {
      const next = new Set(prev);
      if (accept) next.add(keyOf(p.key));
      else next.delete(keyOf(p.key));
      return next;
    });
  };

  const create = async () => {
    if (!review || name.trim() === '') return;
    setCreating(true);
    setCreateError(null);
    try {
      setCreated(await createTarget(id, review.revision, keys, name.trim()));
    } catch (e) {
      setCreateError(e as IpcError);
    } finally {
      setCreating(false);
    }
  };

  const statuses = useMemo(() => new Map((preview?.statuses ?? []).map((s) => [s.step, s.status])), [preview]);
  const notApplied = preview?.applied.filter((a) => a.refusal_fr !== null) ?? [];

  return (
    <section className="review-page" aria-labelledby="review-title" data-testid="review-page">
      <div className="editor-page__head">
        <button type="button" className="link-button" onClick={onBack} data-testid="back">
          {t('review.back')}
        </button>
        <h2 id="review-title">{t('review.title', { name: review?.name ?? '' })}</h2>
      </div>
      {state.status === 'loading' && (
        <p className="loading" role="status">
          {t('review.loading')}
        </p>
      )}
      {state.status === 'error' && <ErrorAlert error={state.error} onRetry={reload} />}
      {review && (
        <>
          <p className="review-page__intro">{t('review.intro')}</p>
          <div className="review-page__body">
            <div className="review-page__list">
              <div className="review-page__tools">
                <h3>{t('review.proposals')}</h3>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setCreated(null);
                    setAccepted(new Set(open.map((p) => keyOf(p.key))));
                  }}
                  disabled={open.length === 0}
                  data-testid="accept-all"
                >
                  {t('review.acceptAll')}
                </button>
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => {
                    setCreated(null);
                    setAccepted(new Set());
                  }}
                  disabled={open.length === 0}
                  data-testid="reject-all"
                >
                  {t('review.rejectAll')}
                </button>
                <p className="review-page__count" role="status" data-testid="accepted-count">
                  {t('review.accepted', { count: keys.length, total: open.length })}
                </p>
              </div>
              {review.proposals.length === 0 ? (
                <p className="panel__empty">{t('review.none')}</p>
              ) : (
                <ol className="proposals">
                  {review.proposals.map((p) => (
                    <ProposalItem
                      key={keyOf(p.key)}
                      proposal={p}
                      accepted={accepted.has(keyOf(p.key))}
                      onDecide={(a) => decide(p, a)}
                    />
                  ))}
                </ol>
              )}
            </div>
            <div className="review-page__preview" aria-busy={preview === null}>
              <h3>{t('review.preview')}</h3>
              {previewError && <ErrorAlert error={previewError} />}
              {preview ? (
                <>
                  {keys.length === 0 && <p className="panel__empty">{t('review.appliedNone')}</p>}
                  <DeltaTable deltas={preview.deltas} compact testId="preview-deltas" />
                  {notApplied.length > 0 && (
                    <ul className="review-page__not-applied" data-testid="not-applied">
                      {notApplied.map((a) => (
                        <li key={keyOf(a.key)}>
                          {t('review.notApplied', {
                            title: en ? a.title_en : a.title_fr,
                            reason: (en ? a.refusal_en : a.refusal_fr) ?? '',
                          })}
                        </li>
                      ))}
                    </ul>
                  )}
                  {/* The box takes the drawing's shape, so that a wide procedure is not drawn small. */}
                  <div
                    className="review-page__canvas"
                    style={{ aspectRatio: preview.layout.width / Math.max(preview.layout.height, 1), height: 'auto' }}
                  >
                    <Canvas
                      layout={preview.layout}
                      readOnly
                      statuses={statuses}
                      label={t('review.previewCanvas')}
                      testId="review-preview"
                    />
                  </div>
                </>
              ) : (
                <p className="loading" role="status">
                  {t('review.previewBusy')}
                </p>
              )}
              <form
                className="review-page__create"
                onSubmit={(e) => {
                  e.preventDefault();
                  void create();
                }}
              >
                <label htmlFor="target-name">{t('review.name')}</label>
                <input
                  id="target-name"
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  data-testid="target-name"
                  required
                />
                <button type="submit" className="button" disabled={creating || name.trim() === ''} data-testid="create-target">
                  {creating ? t('review.creating') : t('review.create')}
                </button>
              </form>
              {createError && <ErrorAlert error={createError} />}
              {created && (
                <div className="alert alert--success" role="status" data-testid="target-created" data-version-id={created.id}>
                  <p>{t('review.created', { name: created.name })}</p>
                  <button type="button" className="button" onClick={() => onCompare(created)} data-testid="compare-button">
                    {t('review.compare')}
                  </button>
                </div>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
