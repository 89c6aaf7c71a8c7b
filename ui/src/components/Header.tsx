import { useTranslation } from 'react-i18next';

import { LanguageSwitch } from './LanguageSwitch';

export function Header() {
  const { t } = useTranslation();

  return (
    <header className="app-header">
      <div className="app-header__inner">
        <div className="app-header__brand">
          <h1>{t('app.name')}</h1>
          <p className="app-header__tagline">{t('app.tagline')}</p>
        </div>
        <LanguageSwitch />
      </div>
    </header>
  );
}
