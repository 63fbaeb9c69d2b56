import { mount } from 'svelte';
import App from './App.svelte';
import './app/global.css';
import { i18n } from './i18n/i18n.svelte';

document.documentElement.lang = i18n.locale;
const target = document.getElementById('app');
if (!target) throw new Error('#app missing');
export default mount(App, { target });
