import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { keepFrenchSpaces } from '../../i18n/format';
import type { AnalysisView, FindingView } from '../../ipc';

interface Props {
  analysis: AnalysisView | null;
  /** The finding being looked at (its index), whose subjects the canvas highlights. */
  active: number | null;
  onActivate: (index: number | null, finding: FindingView | null) => void;
}

/**
 * How many findings are drawn at first, and how many more each "show more" adds. A large
 * procedure can have hundreds; drawing them all makes every frame of the window slower (measured
 * on 1,000 steps and 596 findings: 48 ms a frame at rest instead of 17).
 */
export const FINDINGS_PAGE = 50;

/** The findings of the live analysis, most serious first; choosing one highlights its steps. */
export function FindingsPanel({ analysis, active, onActivate }: Props) {
  const { t, i18n } = useTranslation();
  const [shown, setShown] = useState(FINDINGS_PAGE);
  if (analysis === null) {
    return (
      <p className="panel__empty" role="status">
        {t('findings.loading')}
      </p>
    );
  }
  if (analysis.findings.length === 0) {
    return (
      <p className="panel__empty" data-testid="findings-empty">
        {t('findings.none')}
      </p>
    );
  }
  const en = i18n.resolvedLanguage === 'en';
  const rest = analysis.findings.length - shown;
  return (
    <>
    <ul className="findings" aria-label={t('findings.title')}>
      {analysis.findings.slice(0, shown).map((f, i) => (
        <li key={`${f.rule}:${f.subjects.join(',')}`}>
          <button
            type="button"
            className={`finding finding--${f.severity}${active === i ? ' is-active' : ''}`}
            aria-pressed={active === i}
            data-testid="finding-item"
            data-rule={f.rule}
            onClick={() => onActivate(active === i ? null : i, active === i ? null : f)}
          >
            <span className="finding__severity">{t(`severity.${f.severity}`)}</span>
            <span className="finding__title">{en ? f.title_en : keepFrenchSpaces(f.title_fr)}</span>
            <span className="finding__explanation">{en ? f.explanation_en : keepFrenchSpaces(f.explanation_fr)}</span>
          </button>
        </li>
      ))}
    </ul>
    {rest > 0 && (
      <button type="button" className="button button--secondary findings__more" onClick={() => setShown((n) => n + FINDINGS_PAGE)} data-testid="findings-more">
        {t('findings.more', { count: Math.min(rest, FINDINGS_PAGE), rest })}
      </button>
    )}
    </>
  );
}
