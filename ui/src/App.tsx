import { useState } from 'react';

import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { HomePage } from './pages/HomePage';
import { EditorPage } from './pages/EditorPage';

export function App() {
  // The procedure open in the editor, or null for the library.
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <div className="app">
      <Header />
      <main className={openId === null ? 'app-main' : 'app-main app-main--wide'}>
        {openId === null ? (
          <HomePage onOpen={setOpenId} />
        ) : (
          <EditorPage id={openId} onBack={() => setOpenId(null)} />
        )}
      </main>
      <Footer />
    </div>
  );
}
