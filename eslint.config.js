import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

/*
 * Checked boundaries (issue #11). Data flows one way: UI (views, components, app, charts) -> src/client/ -> the
 * worker (src/worker/) -> src/ingest/ | src/storage/ | src/analytics/. src/shared/ holds what every layer may use.
 * Each layer gets a `no-restricted-imports` rule; `allowTypeImports` lets the UI name the types of the results it
 * draws without importing any code of the layers below.
 */
const folder = (name) => [`**/${name}`, `**/${name}/**`];
const SVELTE = {
  group: ['svelte', 'svelte/**', '**/*.svelte', '**/*.svelte.js', '**/*.svelte.ts'],
  message: 'Engine code runs in the worker and in Node: no Svelte.',
};
const DEXIE = { group: ['dexie', 'dexie/**'], message: 'Only src/storage/ talks to IndexedDB (Dexie).' };
const PAPAPARSE = {
  group: ['papaparse', 'papaparse/**'],
  message: 'Only src/ingest/ parses files (PapaParse).',
};
const UI_FOLDERS = {
  group: ['app', 'views', 'components', 'charts'].flatMap(folder),
  message: 'Engine code never imports the UI: data flows from the UI down, results come back as data.',
};
const restrict = (patterns) => ['error', { patterns }];

const UI_ANALYTICS = {
  group: folder('analytics'),
  allowTypeImports: true,
  message:
    'The UI gets ready-to-draw results from the worker: import only types from src/analytics/ (import type).',
};
/** What the UI (views, components, app, charts) may not import. */
const uiRestrictions = () => [
  DEXIE,
  PAPAPARSE,
  {
    group: folder('storage'),
    message: 'The UI never reads storage: it asks the worker through src/client/.',
  },
  {
    group: folder('ingest'),
    message:
      'The UI never runs the import: it asks the worker through src/client/ (day helpers: src/shared/days).',
  },
  UI_ANALYTICS,
  {
    group: folder('worker'),
    allowTypeImports: true,
    message: 'The UI reaches the worker only through src/client/: import only types from src/worker/.',
  },
];
const UI_FILES = [
  'src/views/**',
  'src/components/**',
  'src/app/**',
  'src/App.svelte',
  'src/routes.ts',
  'src/main.ts',
  'src/charts/**',
];

const boundaries = [
  {
    files: UI_FILES,
    rules: { '@typescript-eslint/no-restricted-imports': restrict(uiRestrictions()) },
  },
  {
    files: ['src/analytics/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: folder('storage'), message: 'Analytics are pure functions over typed arrays: no storage.' },
        {
          group: folder('worker'),
          message: 'Analytics never import the worker; the worker imports analytics.',
        },
        {
          group: folder('ingest'),
          message: 'Analytics never import the import (shared types: src/shared/).',
        },
        { group: folder('client'), message: 'Analytics never import the client.' },
        SVELTE,
        DEXIE,
        PAPAPARSE,
        UI_FOLDERS,
      ]),
      'no-restricted-globals': [
        'error',
        ...['document', 'window', 'localStorage', 'indexedDB', 'navigator'].map((name) => ({
          name,
          message: 'Analytics run in the worker and in Node: no DOM, no browser storage.',
        })),
      ],
    },
  },
  {
    files: ['src/ingest/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          group: folder('storage'),
          message: 'The import writes through a ChunkSink; only the worker knows storage.',
        },
        {
          group: folder('worker'),
          message: 'The import never imports the worker; the worker imports the import.',
        },
        { group: folder('client'), message: 'The import never imports the client.' },
        SVELTE,
        DEXIE,
        UI_FOLDERS,
      ]),
    },
  },
  {
    files: ['src/storage/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { group: folder('worker'), message: 'Storage never imports the worker; the worker imports storage.' },
        { group: folder('client'), message: 'Storage never imports the client.' },
        SVELTE,
        PAPAPARSE,
        UI_FOLDERS,
      ]),
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          regex: '^(?!\\./)',
          message: 'src/shared/ imports nothing but src/shared/ (./…): every layer may import it.',
        },
      ]),
    },
  },
  {
    files: ['src/i18n/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          group: [...folder('app'), ...folder('views')],
          message: 'i18n never imports the app or the views.',
        },
        {
          group: ['analytics', 'ingest', 'storage', 'worker', 'client'].flatMap(folder),
          allowTypeImports: true,
          message: 'The UI loads i18n: it may name types of the layers below, never import their code.',
        },
        DEXIE,
        PAPAPARSE,
      ]),
    },
  },
];

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-test/',
      'dist-report/',
      'node_modules/',
      'public/demo/',
      'bench/results/',
      'bench/tmp/',
      'screenshots/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node, ...globals.worker } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'svelte/no-at-html-tags': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        projectService: true,
        extraFileExtensions: ['.svelte'],
        parser: ts.parser,
        svelteConfig,
      },
    },
  },
  ...boundaries,
);
