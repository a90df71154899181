import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { WelcomePage } from './WelcomePage';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WelcomePage optionsUrl={browser.runtime.getURL('/options.html')} historyUrl={browser.runtime.getURL('/verity-history.html')} />
  </StrictMode>,
);
