import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: a reader can see where every name comes from.
  imports: false,
  vite: () => ({ plugins: [tailwindcss()] }),
  manifest: {
    name: 'Verity',
    description:
      'Shows which AI-generated content on a page can prove where it came from, checked against the chain itself.',
    permissions: ['storage'],
  },
});
