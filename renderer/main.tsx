import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { signedInPerson } from './client/session';
import './styles.css';

// Who is signed in decides how the app talks to its host (newsroom server or this machine): asked once, before the first render.
void signedInPerson().then((signedIn) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App signedIn={signedIn} />
    </StrictMode>,
  ),
);
