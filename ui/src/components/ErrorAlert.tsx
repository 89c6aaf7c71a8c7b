import { useTranslation } from 'react-i18next';

import { errorMessage, type IpcError } from '../ipc';

interface Props {
  error: IpcError;
  onRetry?: () => void;
}

/** A failed request, explained in a sentence; the raw error is never shown. */
export function ErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();

  return (
    <div className="alert alert--error" role="alert" data-testid="error">
      <p>{errorMessage(error, t)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t('library.retry')}
        </button>
      )}
    </div>
  );
}
