import { useTranslation } from 'react-i18next';

import { useIpcQuery } from '../hooks/useIpcQuery';
import { appInfo } from '../ipc';

export function Footer() {
  const { t } = useTranslation();
  const { state } = useIpcQuery(appInfo);

  return (
    <footer className="app-footer">
      <p>
        {t('app.name')}
        {state.status === 'success' && (
          <>
            {' · '}
            <span data-testid="app-version">{t('footer.version', { version: state.data.version })}</span>
          </>
        )}
      </p>
    </footer>
  );
}
