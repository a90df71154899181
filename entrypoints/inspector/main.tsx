import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Inspector } from './Inspector';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Inspector />
  </StrictMode>,
);
