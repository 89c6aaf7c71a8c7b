import { useState } from 'react';

import { Footer } from './components/Footer';
import { Header } from './components/Header';
import type { SideRef } from './ipc';
import { ComparePage } from './pages/ComparePage';
import { EditorPage } from './pages/EditorPage';
import { HomePage } from './pages/HomePage';
import { ReviewPage } from './pages/ReviewPage';

/** Where the agent is: the library, a procedure's editor, its review, or a comparison. */
type Route =
  | { page: 'library' }
  | { page: 'editor'; id: string }
  | { page: 'review'; id: string }
  | { page: 'compare'; id: string; before: SideRef; after: SideRef; from: 'library' | 'editor' | 'review' };

export function App() {
  const [route, setRoute] = useState<Route>({ page: 'library' });

  let content;
  switch (route.page) {
    case 'library':
      content = (
        <HomePage
          onOpen={(id) => setRoute({ page: 'editor', id })}
          onCompare={(id, before, after) => setRoute({ page: 'compare', id, before, after, from: 'library' })}
        />
      );
      break;
    case 'editor': {
      const { id } = route;
      const working = { procedure: id, version: null };
      content = (
        <EditorPage
          id={id}
          onBack={() => setRoute({ page: 'library' })}
          onSimplify={() => setRoute({ page: 'review', id })}
          onCompare={() => setRoute({ page: 'compare', id, before: working, after: working, from: 'editor' })}
        />
      );
      break;
    }
    case 'review': {
      const { id } = route;
      content = (
        <ReviewPage
          id={id}
          onBack={() => setRoute({ page: 'editor', id })}
          onCompare={(target) =>
            setRoute({
              page: 'compare',
              id,
              before: { procedure: id, version: target.derived_from },
              after: { procedure: id, version: target.id },
              from: 'review',
            })
          }
        />
      );
      break;
    }
    case 'compare': {
      const { id, before, after, from } = route;
      content = (
        <ComparePage
          key={`${id}:${before.version ?? ''}:${after.version ?? ''}`}
          procedureId={id}
          initial={{ before, after }}
          onBack={() => setRoute(from === 'library' ? { page: 'library' } : { page: 'editor', id })}
        />
      );
      break;
    }
  }

  const wide = route.page !== 'library';
  return (
    // The editor is a workbench filling the window; the other pages scroll. Every page but the
    // library uses the window's width, its header too.
    <div className={wide ? (route.page === 'editor' ? 'app app--wide app--editor' : 'app app--wide') : 'app'}>
      <Header />
      <main className={wide ? 'app-main app-main--wide' : 'app-main'}>{content}</main>
      {route.page === 'library' && <Footer />}
    </div>
  );
}
