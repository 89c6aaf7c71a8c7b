import { Component, type ErrorInfo, type ReactNode } from 'react';
import { withTranslation, type WithTranslation } from 'react-i18next';

import { recordUiError } from '../ipc';
import { describeError } from './describeError';

interface State {
  error: Error | null;
}

/**
 * The last line of defence: a bug while drawing the page shows a sentence in French and a way
 * back, never a blank window or a stack trace. Everything the agent did is already in the store
 * (each change is committed as it is made), so reloading loses nothing.
 */
class Boundary extends Component<{ children: ReactNode } & WithTranslation, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // For support: the support log beside the database, and the console of a development build;
    // never shown on the page.
    console.error('Épure: the page failed to draw', error, info.componentStack);
    void recordUiError(describeError(error, info.componentStack));
  }

  override render() {
    const { t } = this.props;
    if (this.state.error) {
      return (
        <main className="app-main" role="alert" data-testid="crash" data-error={this.state.error.message}>
          <h2>{t('crash.title')}</h2>
          <p>{t('crash.message')}</p>
          <button type="button" className="button" onClick={() => window.location.reload()}>
            {t('crash.reload')}
          </button>
        </main>
      );
    }
    return this.props.children;
  }
}

export const CrashScreen = withTranslation()(Boundary);
