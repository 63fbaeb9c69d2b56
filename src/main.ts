import { mount } from 'svelte';
import App from './App.svelte';
import './app/global.css';
import { i18n } from './i18n/i18n.svelte';
import { engine } from './client/worker-client';

document.documentElement.lang = i18n.locale;
const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(App, { target });

// Handle for the end-to-end tests and benchmarks (same origin only; it exposes nothing the UI cannot do).
(globalThis as unknown as { __kundenwertEngine: typeof engine }).__kundenwertEngine = engine;
