import { useTranslation } from 'react-i18next';

import { DATA_ROLES, type EditorState, type FlowJson, type Gesture, type Patch, type ProcedureFile, type StepJson } from '../../ipc';
import { DurationField, NumberField, SelectField, TextField } from './fields';
import { CHANNELS, MEDIA, OUTCOMES, STEP_KINDS, VALUE_CLASSES } from './options';

interface Props {
  procedure: ProcedureFile;
  selected: ReadonlySet<string>;
  apply: (gesture: Gesture) => Promise<EditorState | null>;
}

/** The properties of the selected step or flow: every field of the file format. */
export function Properties({ procedure, selected, apply }: Props) {
  const { t } = useTranslation();
  const ids = [...selected];
  const step = ids.length === 1 ? procedure.steps.find((s) => s.id === ids[0]) : undefined;
  const flow = ids.length === 1 ? procedure.flows.find((f) => f.id === ids[0]) : undefined;

  if (step) return <StepProperties key={step.id} procedure={procedure} step={step} apply={apply} />;
  if (flow) return <FlowProperties key={flow.id} procedure={procedure} flow={flow} apply={apply} />;
  return (
    <p className="panel__empty" data-testid="properties-empty">
      {ids.length > 1 ? t('properties.several', { count: ids.length }) : t('properties.none')}
    </p>
  );
}

function StepProperties({ procedure, step, apply }: { procedure: ProcedureFile; step: StepJson; apply: Props['apply'] }) {
  const { t } = useTranslation();
  const update = (change: Patch<StepJson>) => {
    const next = { ...step, ...change } as StepJson;
    // The file format leaves unset fields out.
    for (const [k, v] of Object.entries(change)) {
      if (v === undefined || (Array.isArray(v) && v.length === 0) || v === '') delete next[k];
    }
    if (next.kind !== 'start' && next.kind !== 'end' && next.label === undefined) next.label = '';
    void apply({ op: 'update_step', step: next });
  };
  const isEvent = step.kind === 'start' || step.kind === 'end';
  const isWork = step.kind === 'task' || step.kind === 'approval' || step.kind === 'check';

  return (
    <form className="properties" data-testid="step-properties" onSubmit={(e) => e.preventDefault()}>
      <h3>{t('properties.step')}</h3>
      <TextField label={t('properties.label')} value={step.label ?? ''} onCommit={(label) => update({ label })} testId="prop-label" />
      <SelectField
        label={t('properties.kind')}
        value={step.kind}
        options={STEP_KINDS}
        optionLabel={(k) => t(`diagram.kind.${k}`)}
        onChange={(kind) => kind && update({ kind })}
        testId="prop-kind"
      />
      <SelectField
        label={t('properties.actor')}
        value={step.actor}
        options={procedure.actors.map((a) => a.id)}
        optionLabel={(id) => procedure.actors.find((a) => a.id === id)?.name ?? id}
        onChange={(actor) => update({ actor })}
        empty={isWork ? undefined : t('properties.noActor')}
        testId="prop-actor"
      />
      {step.kind === 'end' && (
        <SelectField
          label={t('properties.outcome')}
          value={step.outcome}
          options={OUTCOMES}
          optionLabel={(o) => t(`outcome.${o}`)}
          onChange={(outcome) => update({ outcome })}
          empty={t('properties.unset')}
        />
      )}
      {!isEvent && (
        <>
          <DurationField label={t('properties.duration')} minutes={step.duration_min} onCommit={(duration_min) => update({ duration_min })} testId="prop-duration" />
          <DurationField label={t('properties.wait')} minutes={step.wait_min} onCommit={(wait_min) => update({ wait_min })} testId="prop-wait" />
          <NumberField label={t('properties.cost')} value={step.cost_eur} onCommit={(cost_eur) => update({ cost_eur })} suffix={<span>€</span>} />
          <SelectField
            label={t('properties.channel')}
            value={step.channel}
            options={CHANNELS}
            optionLabel={(c) => t(`channel.${c}`)}
            onChange={(channel) => update({ channel })}
            empty={t('properties.unset')}
          />
          <SelectField
            label={t('properties.value')}
            value={step.value}
            options={VALUE_CLASSES}
            optionLabel={(v) => t(`valueClass.${v}`)}
            onChange={(value) => update({ value })}
            empty={t('properties.unset')}
          />
          <TextField label={t('properties.legalBasis')} value={step.legal_basis ?? ''} onCommit={(legal_basis) => update({ legal_basis })} />
          {DATA_ROLES.map((role) => (
            <fieldset key={role} className="field field--checks" data-testid={`prop-${role}`}>
              <legend>{t(`properties.roles.${role}`)}</legend>
              {procedure.data.length === 0 && <p className="panel__empty">{t('properties.noData')}</p>}
              {procedure.data.map((d) => {
                const list = step[role] ?? [];
                const checked = list.includes(d.id);
                return (
                  <label key={d.id} className="check">
                    <input
                      type="checkbox"
                      checked={checked}
                      data-testid={`prop-${role}-${d.id}`}
                      onChange={() => update({ [role]: checked ? list.filter((x) => x !== d.id) : [...list, d.id] })}
                    />
                    {d.name}
                  </label>
                );
              })}
            </fieldset>
          ))}
        </>
      )}
      <TextField label={t('properties.note')} value={step.note ?? ''} onCommit={(note) => update({ note })} multiline />
    </form>
  );
}

function FlowProperties({ procedure, flow, apply }: { procedure: ProcedureFile; flow: FlowJson; apply: Props['apply'] }) {
  const { t } = useTranslation();
  const from = procedure.steps.find((s) => s.id === flow.from);
  const to = procedure.steps.find((s) => s.id === flow.to);
  const update = (change: Patch<FlowJson>) => {
    const { from: _f, to: _t, ...rest } = { ...flow, ...change };
    for (const [k, v] of Object.entries(change)) if (v === undefined || v === '') delete (rest as Record<string, unknown>)[k];
    void apply({ op: 'edit', edit: { op: 'update_flow', flow: rest } });
  };
  const name = (s: StepJson | undefined) => s?.label || (s ? t(`diagram.kind.${s.kind}`) : '');
  return (
    <form className="properties" data-testid="flow-properties" onSubmit={(e) => e.preventDefault()}>
      <h3>{t('properties.flow')}</h3>
      <p className="properties__ends">{t('properties.flowEnds', { from: name(from), to: name(to) })}</p>
      <TextField label={t('properties.label')} value={flow.label ?? ''} onCommit={(label) => update({ label })} />
      {from?.kind === 'decision' && (
        <NumberField
          label={t('properties.probability')}
          value={flow.probability === undefined ? undefined : Math.round(flow.probability * 1000) / 10}
          onCommit={(v) => v !== undefined && v <= 100 && void apply({ op: 'set_probability', flow: flow.id, probability: v / 100 })}
          suffix={<span>%</span>}
          testId="prop-probability"
        />
      )}
      <DurationField label={t('properties.delay')} minutes={flow.delay_min} onCommit={(delay_min) => update({ delay_min })} />
      <SelectField
        label={t('properties.medium')}
        value={flow.medium}
        options={MEDIA}
        optionLabel={(m) => t(`medium.${m}`)}
        onChange={(medium) => update({ medium })}
        empty={t('properties.unset')}
      />
      <button type="button" className="button button--secondary" onClick={() => void apply({ op: 'disconnect', flow: flow.id })}>
        {t('properties.removeFlow')}
      </button>
    </form>
  );
}
