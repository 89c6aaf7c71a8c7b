import { useState } from 'react';

import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { EditorPage } from './pages/EditorPage';
import { HomePage } from './pages/HomePage';

export function App() {
  // The procedure open in the editor, or null for the library.
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    // The editor is a workbench filling the window; the library is a page that scrolls.
    <div className={openId === null ? 'app' : 'app app--editor'}>
      <Header />
      <main className={openId === null ? 'app-main' : 'app-main app-main--wide'}>
        {openId === null ? (
          <HomePage onOpen={setOpenId} />
        ) : (
          <EditorPage id={openId} onBack={() => setOpenId(null)} />
        )}
      </main>
      {openId === null && <Footer />}
    </div>
  );
}
