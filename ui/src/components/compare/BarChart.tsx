import { useTranslation } from 'react-i18next';

import type { MetricDeltaView } from '../../ipc';
import { formatValue, metricName } from './figures';

const SHOWN = ['work_steps', 'handoffs_per_case', 'user_contacts', 'requests_per_case', 'lead_time_min', 'cost_per_case_eur'];
const ROW = 40;
const LABEL = 230;
const WIDTH = 640;

/**
 * Before and after as bars, each metric scaled to its value before (100 %): a small SVG drawn
 * from the figures Rust sent, with a text alternative per bar.
 */
export function BarChart({ deltas }: { deltas: MetricDeltaView[] }) {
  const { t } = useTranslation();
  const rows = SHOWN.map((m) => deltas.find((d) => d.metric === m)).filter((d): d is MetricDeltaView => d !== undefined && d.before > 0);
  const max = Math.max(100, ...rows.map((d) => (100 * d.after) / d.before));
  const scale = (WIDTH - LABEL - 20) / max;
  const height = rows.length * ROW + 10;
  return (
    <figure className="bar-chart" data-testid="bar-chart">
      <figcaption>{t('compare.chart')}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={t('compare.chart')}>
        {rows.map((d, i) => {
          const y = i * ROW + 5;
          const after = (100 * d.after) / d.before;
          const label = t('compare.chartBar', {
            metric: metricName(d.metric, t),
            before: formatValue(d.metric, d.before, t),
            after: formatValue(d.metric, d.after, t),
          });
          return (
            <g key={d.metric} data-metric={d.metric}>
              <title>{label}</title>
              <text x={LABEL - 8} y={y + 20} textAnchor="end" className="bar-chart__label">
                {metricName(d.metric, t)}
              </text>
              <rect x={LABEL} y={y + 2} width={100 * scale} height={13} className="bar-chart__before" />
              <rect x={LABEL} y={y + 17} width={Math.max(1, after * scale)} height={13} className="bar-chart__after" />
            </g>
          );
        })}
      </svg>
      <p className="bar-chart__legend">
        <span className="bar-chart__key bar-chart__key--before" aria-hidden="true" /> {t('compare.before')}
        <span className="bar-chart__key bar-chart__key--after" aria-hidden="true" /> {t('compare.after')}
      </p>
    </figure>
  );
}
