import { Footer } from './components/Footer';
import { Header } from './components/Header';
import { HomePage } from './pages/HomePage';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="app-main">
        <HomePage />
      </main>
      <Footer />
    </div>
  );
}
