import { useTranslation } from 'react-i18next';

import { formatNumber } from '../../i18n/format';
import type { MetricsView } from '../../ipc';

/** Minutes in a working day (the format's convention: 7 hours). */
const WORKING_DAY_MIN = 420;

/** The figures that matter while drawing: steps, handoffs, contacts, lead time, cost per year. */
export function MetricsBar({ metrics }: { metrics: MetricsView | null }) {
  const { t } = useTranslation();
  const n = (v: number, digits = 1) => formatNumber(v, { maximumFractionDigits: digits });
  // Under an hour in minutes, under a working day in hours, then in working days.
  const duration = (min: number) =>
    min < 60
      ? t('metrics.minutes', { value: n(min, 0) })
      : min < WORKING_DAY_MIN
        ? t('metrics.hours', { value: n(min / 60) })
        : t('metrics.days', { value: n(min / WORKING_DAY_MIN) });
  const items: [string, string, string][] = metrics
    ? [
        ['steps', t('metrics.steps'), n(metrics.work_steps, 0)],
        ['handoffs', t('metrics.handoffs'), n(metrics.handoffs_per_case)],
        ['contacts', t('metrics.contacts'), n(metrics.user_contacts)],
        ['lead', t('metrics.lead'), duration(metrics.lead_time_min)],
        [
          'cost',
          t('metrics.costYear'),
          metrics.cost_per_year_eur === null
            ? t('metrics.noVolume')
            : formatNumber(metrics.cost_per_year_eur, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
        ],
      ]
    : [];
  return (
    <dl className="metrics-bar" data-testid="metrics-bar" aria-busy={metrics === null}>
      {items.map(([key, label, value]) => (
        <div key={key} className="metrics-bar__item" data-metric={key}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
