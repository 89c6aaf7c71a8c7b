import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { UNITS, unitFor, type Unit } from './options';

/** A labelled text field that commits on Enter or when it loses focus, not at each key. */
export function TextField({
  label,
  value,
  onCommit,
  multiline = false,
  testId,
}: {
  label: string;
  value: string;
  onCommit: (value: string) => void;
  multiline?: boolean;
  testId?: string | undefined;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea id={id} value={draft} rows={3} onChange={(e) => setDraft(e.target.value)} onBlur={commit} data-testid={testId} />
      ) : (
        <input
          id={id}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') setDraft(value);
          }}
          data-testid={testId}
        />
      )}
    </div>
  );
}

/** A labelled menu; `''` is the "not stated" choice when `empty` is given. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  optionLabel,
  onChange,
  empty,
  testId,
}: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  optionLabel: (o: T) => string;
  onChange: (value: T | undefined) => void;
  empty?: string | undefined;
  testId?: string | undefined;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as T))}
        data-testid={testId}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A number field; commits a finite number ≥ 0, or `undefined` when emptied. */
export function NumberField({
  label,
  value,
  onCommit,
  step = 'any',
  suffix,
  testId,
}: {
  label: string;
  value: number | undefined;
  onCommit: (value: number | undefined) => void;
  step?: string;
  suffix?: ReactNode;
  testId?: string | undefined;
}) {
  const id = useId();
  const shown = value === undefined ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const commit = () => {
    if (draft === shown) return;
    if (draft.trim() === '') return onCommit(undefined);
    const n = Number(draft.replace(',', '.'));
    if (Number.isFinite(n) && n >= 0) onCommit(n);
    else setDraft(shown);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="field__row">
        <input
          id={id}
          inputMode="decimal"
          value={draft}
          step={step}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          data-testid={testId}
        />
        {suffix}
      </div>
    </div>
  );
}

/** A duration typed in minutes, hours or working days (7 h), kept in minutes. */
export function DurationField({
  label,
  minutes,
  onCommit,
  testId,
}: {
  label: string;
  minutes: number | undefined;
  onCommit: (minutes: number | undefined) => void;
  testId?: string | undefined;
}) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(unitFor(minutes));
  const unitId = useId();
  const value = minutes === undefined ? undefined : Math.round((minutes / UNITS[unit]) * 1000) / 1000;
  return (
    <NumberField
      label={label}
      value={value}
      testId={testId}
      onCommit={(v) => onCommit(v === undefined ? undefined : Math.round(v * UNITS[unit] * 1000) / 1000)}
      suffix={
        <>
          <label htmlFor={unitId} className="visually-hidden">
            {t('properties.unit', { field: label })}
          </label>
          <select id={unitId} value={unit} onChange={(e) => setUnit(e.target.value as Unit)}>
            {(Object.keys(UNITS) as Unit[]).map((u) => (
              <option key={u} value={u}>
                {t(`units.${u}`)}
              </option>
            ))}
          </select>
        </>
      }
    />
  );
}
