import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

import type { ActorJson, ActorKind, EditorState, Gesture, ProcedureFile, StepJson } from '../../ipc';
import { ACTOR_KINDS } from './options';

interface Props {
  procedure: ProcedureFile;
  apply: (gesture: Gesture) => Promise<EditorState | null>;
  selected: ReadonlySet<string>;
  onSelect: (ids: string[]) => void;
}

/** Finds the input of a row of the outline, by step or actor id. */
function inputOf(root: HTMLElement | null, kind: 'step' | 'actor', id: string): HTMLInputElement | null {
  return root?.querySelector<HTMLInputElement>(`input[data-${kind}-id="${CSS.escape(id)}"]`) ?? null;
}

/**
 * The outline: the procedure as an ordered, indented list — its lanes, then its steps in the
 * author's order, each indented by its lane — that can be written from the keyboard alone.
 * Enter adds the next step, Tab and Shift+Tab move a step to the next or previous lane, the
 * arrows move between steps, Ctrl+Delete removes one. It is the accessible way into a
 * procedure and the fast way to type one; the canvas shows the same state.
 */
export function Outline({ procedure, apply, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState<{ kind: 'step' | 'actor'; id: string } | null>(null);
  const actors = procedure.actors;
  const laneIndex = (actor: string | undefined) => actors.findIndex((a) => a.id === actor);

  // Focus what a gesture created once its row is drawn, with its text selected, so that typing
  // replaces the placeholder name.
  useEffect(() => {
    if (focus === null) return;
    const input = inputOf(root.current, focus.kind, focus.id);
    if (input) {
      input.focus();
      input.select();
      setFocus(null);
    }
  }, [focus, procedure]);

  const draftOf = (key: string, committed: string) => drafts[key] ?? committed;
  const setDraft = (key: string, value: string) => setDrafts((d) => ({ ...d, [key]: value }));
  const clearDraft = (key: string) =>
    setDrafts((d) => {
      const { [key]: _, ...rest } = d;
      return rest;
    });

  // Keys are handled one after the other, each on the state the previous one committed: a
  // fast typist's Tab then Enter must not act on a step as it was before the Tab.
  const latest = useRef(procedure);
  latest.current = procedure;
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const enqueue = (work: () => Promise<unknown>) => {
    chain.current = chain.current.then(work).catch(() => undefined);
  };
  const applyFresh = async (gesture: Gesture) => {
    const next = await apply(gesture);
    if (next) latest.current = next.procedure;
    return next;
  };
  const stepNow = (id: string) => latest.current.steps.find((s) => s.id === id);

  /** Commits a step's label when it was changed; resolves once the store has it. */
  async function commitLabel(id: string, value: string): Promise<void> {
    const step = stepNow(id);
    if (step && value !== (step.label ?? '')) await applyFresh({ op: 'update_step', step: { ...step, label: value } });
    clearDraft(`step:${id}`);
  }

  async function insertAfter(id: string, value: string) {
    await commitLabel(id, value);
    const step = stepNow(id);
    const people = latest.current.actors;
    const lane = step?.actor ?? people.find((a) => a.kind !== 'user')?.id ?? people[0]?.id;
    const next = await applyFresh({ op: 'insert_after', after: id, kind: 'task', label: t('outline.newStep'), actor: lane ?? null });
    if (next?.created) {
      onSelect([next.created]);
      setFocus({ kind: 'step', id: next.created });
    }
  }

  async function changeLane(id: string, value: string, back: boolean) {
    const step = stepNow(id);
    const people = latest.current.actors;
    if (!step || people.length === 0 || step.kind === 'start' || step.kind === 'end') return;
    const at = people.findIndex((a) => a.id === step.actor);
    const actor = people[back ? (at <= 0 ? people.length - 1 : at - 1) : (at + 1) % people.length];
    // The label being typed and the new lane go together: one change, one undo.
    if (actor) await applyFresh({ op: 'update_step', step: { ...step, label: value, actor: actor.id } });
    clearDraft(`step:${id}`);
  }

  async function move(id: string, value: string, down: boolean) {
    const steps = latest.current.steps;
    const other = steps[steps.findIndex((s) => s.id === id) + (down ? 1 : -1)];
    if (!other) return;
    await commitLabel(id, value);
    inputOf(root.current, 'step', other.id)?.focus();
  }

  async function remove(id: string) {
    const steps = latest.current.steps;
    const at = steps.findIndex((s) => s.id === id);
    const other = steps[at - 1] ?? steps[at + 1];
    await applyFresh({ op: 'remove_steps', steps: [id] });
    if (other) setFocus({ kind: 'step', id: other.id });
  }

  function onStepKey(e: KeyboardEvent<HTMLInputElement>, step: StepJson) {
    const value = e.currentTarget.value;
    const id = step.id;
    if (e.key === 'Enter') {
      e.preventDefault();
      enqueue(() => insertAfter(id, value));
    } else if (e.key === 'Tab' && actors.length > 0 && step.kind !== 'start' && step.kind !== 'end') {
      e.preventDefault();
      const back = e.shiftKey;
      enqueue(() => changeLane(id, value, back));
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const down = e.key === 'ArrowDown';
      enqueue(() => move(id, value, down));
    } else if (e.key === 'Delete' && (e.ctrlKey || value === '')) {
      e.preventDefault();
      enqueue(() => remove(id));
    } else if (e.key === 'Escape') {
      clearDraft(`step:${id}`);
    }
  }

  async function commitActor(actor: ActorJson, change: Partial<ActorJson>) {
    await apply({ op: 'edit', edit: { op: 'update_actor', actor: { ...actor, ...change } } });
  }

  async function onActorKey(e: KeyboardEvent<HTMLInputElement>, actor: ActorJson) {
    if (e.key === 'Enter') {
      e.preventDefault();
      const name = drafts[`actor:${actor.id}`];
      if (name !== undefined && name.trim() !== '' && name !== actor.name) await commitActor(actor, { name });
      clearDraft(`actor:${actor.id}`);
    } else if (e.key === 'Escape') {
      clearDraft(`actor:${actor.id}`);
    }
  }

  async function addLane() {
    const next = await apply({ op: 'add_actor', name: t('outline.newLane'), kind: 'service' });
    if (next?.created) setFocus({ kind: 'actor', id: next.created });
  }

  const usedLanes = new Set(procedure.steps.map((s) => s.actor).filter(Boolean));

  return (
    <div className="outline" data-testid="outline-view" ref={root}>
      <section className="outline__lanes" aria-labelledby="outline-lanes-title">
        <h3 id="outline-lanes-title">{t('outline.lanes')}</h3>
        <ol>
          {actors.map((a, i) => (
            <li key={a.id} className="outline-lane" data-testid="outline-lane">
              <input
                className="outline-lane__name"
                aria-label={t('outline.laneName', { n: i + 1 })}
                data-actor-id={a.id}
                value={draftOf(`actor:${a.id}`, a.name)}
                onChange={(e) => setDraft(`actor:${a.id}`, e.target.value)}
                onKeyDown={(e) => void onActorKey(e, a)}
                onBlur={() => {
                  const name = drafts[`actor:${a.id}`];
                  if (name !== undefined && name.trim() !== '' && name !== a.name) void commitActor(a, { name });
                  clearDraft(`actor:${a.id}`);
                }}
              />
              <select
                aria-label={t('outline.laneKind', { name: a.name })}
                value={a.kind}
                onChange={(e) => void commitActor(a, { kind: e.target.value as ActorKind })}
              >
                {ACTOR_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`actorKind.${k}`)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={t('outline.laneUp', { name: a.name })}
                disabled={i === 0}
                onClick={() => void apply({ op: 'edit', edit: { op: 'move_actor', id: a.id, index: i - 1 } })}
              >
                ↑
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('outline.laneDown', { name: a.name })}
                disabled={i === actors.length - 1}
                onClick={() => void apply({ op: 'edit', edit: { op: 'move_actor', id: a.id, index: i + 1 } })}
              >
                ↓
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('outline.laneRemove', { name: a.name })}
                title={usedLanes.has(a.id) ? t('outline.laneInUse') : undefined}
                disabled={usedLanes.has(a.id)}
                onClick={() => void apply({ op: 'remove_actor', actor: a.id })}
              >
                ✕
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button button--secondary" onClick={() => void addLane()} data-testid="add-lane">
          {t('outline.addLane')}
        </button>
      </section>

      <section className="outline__steps" aria-labelledby="outline-steps-title">
        <h3 id="outline-steps-title">{t('outline.steps')}</h3>
        <p className="outline__help" id="outline-help">
          {t('outline.help')}
        </p>
        <ol>
          {procedure.steps.map((s, i) => {
            const lane = laneIndex(s.actor);
            const laneName = lane >= 0 ? actors[lane]?.name : t('outline.noLane');
            return (
              <li
                key={s.id}
                className={selected.has(s.id) ? 'outline-step is-selected' : 'outline-step'}
                style={{ paddingInlineStart: `${Math.max(lane, 0) * 1.5}rem` }}
                data-testid="outline-step"
                data-step-id={s.id}
              >
                <span className={`kind-badge kind-badge--${s.kind}`}>{t(`diagram.kind.${s.kind}`)}</span>
                <input
                  className="outline-step__label"
                  aria-label={t('outline.stepLabel', { n: i + 1, lane: laneName })}
                  aria-describedby="outline-help"
                  data-step-id={s.id}
                  value={draftOf(`step:${s.id}`, s.label ?? '')}
                  placeholder={t(`diagram.kind.${s.kind}`)}
                  onChange={(e) => setDraft(`step:${s.id}`, e.target.value)}
                  onFocus={() => onSelect([s.id])}
                  onBlur={(e) => {
                    const value = e.currentTarget.value;
                    enqueue(() => commitLabel(s.id, value));
                  }}
                  onKeyDown={(e) => onStepKey(e, s)}
                />
                <span className="outline-step__lane">{laneName}</span>
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
