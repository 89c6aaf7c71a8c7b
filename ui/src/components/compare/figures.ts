import type { TFunction } from 'i18next';

import { formatNumber } from '../../i18n/format';
import type { EffectView } from '../../ipc';

/** Minutes in a working day (the format's convention: 7 hours). */
export const WORKING_DAY_MIN = 420;

type Unit = 'min' | 'eur' | 'h' | 'pct' | 'n';

/** How each metric of a comparison is shown. */
export function unitOf(metric: string): Unit {
  if (metric.endsWith('_min')) return 'min';
  if (metric.endsWith('_eur')) return 'eur';
  if (metric === 'yearly.agent_hours') return 'h';
  if (metric === 'cycle_efficiency') return 'pct';
  return 'n';
}

/** A metric's value in its unit: working days, euros, hours, percent or a plain number. */
export function formatValue(metric: string, value: number, t: TFunction, signed = false): string {
  const unit = unitOf(metric);
  const shown = unit === 'min' ? value / WORKING_DAY_MIN : unit === 'pct' ? value * 100 : value;
  // Shares are small (a cycle efficiency of 0.06 %): two decimals, or a change would read 0.
  const digits =
    unit === 'pct' ? 2 : unit === 'eur' && Math.abs(shown) >= 100 ? 0 : unit === 'n' && Number.isInteger(shown) ? 0 : 1;
  const text = formatNumber(shown, {
    maximumFractionDigits: digits,
    ...(signed ? { signDisplay: 'exceptZero' as const } : {}),
  });
  return t(`compare.unit.${unit}`, { value: text });
}

/** The metric's name in the current language. */
export function metricName(metric: string, t: TFunction): string {
  return t(`compare.names.${metric.replace('.', '_')}`, { defaultValue: metric });
}

/** A proposal's effect per case, as [key, label, signed value] for the figures that move. */
export function formatEffect(e: EffectView, t: TFunction): [string, string, string][] {
  const rows: [string, string, number, string][] = [
    ['work_steps', t('review.effects.work_steps'), e.work_steps, 'work_steps'],
    ['lead_time', t('review.effects.lead_time'), e.lead_time_min, 'lead_time_min'],
    ['handoffs', t('review.effects.handoffs'), e.handoffs_per_case, 'handoffs_per_case'],
    ['contacts', t('review.effects.contacts'), e.user_contacts, 'user_contacts'],
    ['requests', t('review.effects.requests'), e.requests_per_case, 'requests_per_case'],
    ['cost', t('review.effects.cost'), e.cost_per_case_eur, 'cost_per_case_eur'],
  ];
  return rows
    .filter(([, , v]) => Math.abs(v) > 1e-9)
    .map(([key, label, v, metric]) => [key, label, formatValue(metric, v, t, true)]);
}
