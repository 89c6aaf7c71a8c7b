import { useState } from 'react';

import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { HomePage } from './pages/HomePage';
import { ProcedurePage } from './pages/ProcedurePage';

export function App() {
  // The procedure being viewed, or null for the home page.
  const [openId, setOpenId] = useState<string | null>(null);

  return (
    <div className="app">
      <Header />
      <main className={openId === null ? 'app-main' : 'app-main app-main--wide'}>
        {openId === null ? (
          <HomePage onOpen={setOpenId} />
        ) : (
          <ProcedurePage id={openId} onBack={() => setOpenId(null)} />
        )}
      </main>
      <Footer />
    </div>
  );
}
