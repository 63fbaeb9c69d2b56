import { mount } from 'svelte';
import App from './App.svelte';
import './app/global.css';
import { i18n } from './i18n/i18n.svelte';
import { engine } from './client/worker-client';
import { registerServiceWorker } from './app/browser/app-update.svelte';

document.documentElement.lang = i18n.locale;
const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
// The page is built in a task of its own after the one that evaluated this chunk: two short tasks, not one long one.
setTimeout(() => mount(App, { target }), 0);

// Handle for the end-to-end tests and benchmarks, in a test build only (`vite build --mode test`): the production
// bundle drops this branch, so the shipped app puts nothing of the engine on globalThis.
if (import.meta.env.MODE === 'test') {
  (globalThis as unknown as { __kundenwertEngine: typeof engine }).__kundenwertEngine = engine;
}

// Offline use: the service worker, in the production build only (neither `vite dev` nor the test build has one), once
// the page has loaded. Where the browser refuses it (no https, private mode), the app works online as before.
if (import.meta.env.MODE === 'production' && 'serviceWorker' in navigator) {
  const register = () => void registerServiceWorker().catch(() => undefined);
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
