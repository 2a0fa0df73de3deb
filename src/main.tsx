import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startDataService } from './data/client';
import './styles.css';

// The data service worker: holds every layer once, cuts the map's tiles, answers the panels.
startDataService();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
