import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>Discreet</h1>
      <p>Instellingen volgen binnenkort. / Settings coming soon.</p>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
