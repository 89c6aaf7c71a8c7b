import './i18n';
import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './App';
import { CrashScreen } from './components/CrashScreen';
import { describeError } from './components/describeError';
import { recordUiError } from './ipc';

// Errors outside drawing (an event handler, a promise nobody awaited) reach the support log too.
window.addEventListener('error', (event) => void recordUiError(describeError(event.error ?? event.message)));
window.addEventListener('unhandledrejection', (event) => void recordUiError(describeError(event.reason)));

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element in index.html');

createRoot(root).render(
  <StrictMode>
    <CrashScreen>
      <App />
    </CrashScreen>
  </StrictMode>,
);
