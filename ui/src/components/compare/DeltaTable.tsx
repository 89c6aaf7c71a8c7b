import { useTranslation } from 'react-i18next';

import { formatNumber } from '../../i18n/format';
import type { MetricDeltaView } from '../../ipc';
import { formatValue, metricName } from './figures';

interface Props {
  deltas: MetricDeltaView[];
  /** Only the figures that matter most (the review's preview). */
  compact?: boolean;
  testId?: string;
  caption?: string;
}

const COMPACT = ['work_steps', 'handoffs_per_case', 'user_contacts', 'lead_time_min', 'cost_per_case_eur', 'yearly.agent_hours'];

/** Metrics before and after with their change, every figure from Rust. */
export function DeltaTable({ deltas, compact = false, testId = 'delta-table', caption }: Props) {
  const { t } = useTranslation();
  const rows = compact ? deltas.filter((d) => COMPACT.includes(d.metric)) : deltas;
  return (
    <table className={compact ? 'delta-table delta-table--compact' : 'delta-table'} data-testid={testId}>
      {caption && <caption>{caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('compare.metric')}</th>
          <th scope="col">{t('compare.before')}</th>
          <th scope="col">{t('compare.after')}</th>
          <th scope="col">{t('compare.change')}</th>
          {!compact && <th scope="col">{t('compare.percent')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((d) => {
          const better = d.change < 0 ? (d.metric === 'cycle_efficiency' ? 'worse' : 'better') : d.change > 0 ? (d.metric === 'cycle_efficiency' ? 'better' : 'worse') : 'same';
          return (
            <tr key={d.metric} data-metric={d.metric} data-before={d.before} data-after={d.after} data-change={d.change}>
              <th scope="row">{metricName(d.metric, t)}</th>
              <td>{formatValue(d.metric, d.before, t)}</td>
              <td>{formatValue(d.metric, d.after, t)}</td>
              <td className={`delta delta--${better}`}>{formatValue(d.metric, d.change, t, true)}</td>
              {!compact && (
                <td className={`delta delta--${better}`}>
                  {d.percent === null ? '—' : `${formatNumber(d.percent, { maximumFractionDigits: 1, signDisplay: 'exceptZero' })} %`}
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
