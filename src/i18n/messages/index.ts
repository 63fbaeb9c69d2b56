/**
 * All UI texts, merged from one file per feature. A feature file exports `de` and `en` (English typed to have
 * exactly the keys of German); its keys start with the feature's prefixes, so no key is defined twice (a unit test
 * checks that, and that no text is empty). To add texts: add them to the feature's file, or add a file for a new
 * feature and list it in FEATURES.
 */
import type { Texts } from '../texts';
import * as app from './shell';
import * as cohorts from './cohorts';
import * as customers from './customers';
import type * as evidence from './evidence';
import * as forecast from './forecast';
import * as importTexts from './import';
import * as overview from './overview';
import * as segments from './segments';
import type * as selfcheck from './selfcheck';
import * as settings from './settings';
import type * as valuestream from './valuestream';
import * as figures from './figures';
import * as exportsTexts from './exports';
import type * as economics from './economics';
import type * as actions from './actions';
import type * as campaigns from './campaigns';
import type * as backup from './backup';
import type * as report from './report';

/** Every feature's German and English texts, for the tests that check the merge. */
export const FEATURES = {
  app,
  import: importTexts,
  settings,
  overview,
  customers,
  cohorts,
  segments,
  forecast,
  figures,
  exports: exportsTexts,
} as const;

export const de = {
  ...app.de,
  ...importTexts.de,
  ...settings.de,
  ...overview.de,
  ...customers.de,
  ...cohorts.de,
  ...segments.de,
  ...forecast.de,
  ...figures.de,
  ...exportsTexts.de,
};

/**
 * The texts that load with their view rather than at the start (routes.ts `texts`): the start of the app parses
 * less. Their keys are known to the types; `i18n.addTexts` merges them before the view is drawn.
 */
export const LAZY_FEATURES = {
  economics: () => import('./economics'),
  actions: () => import('./actions'),
  campaigns: () => import('./campaigns'),
  selfcheck: () => import('./selfcheck'),
  evidence: () => import('./evidence'),
  valuestream: () => import('./valuestream'),
  backup: () => import('./backup'),
  report: () => import('./report'),
} as const;

export type LazyFeature = keyof typeof LAZY_FEATURES;

/** Every key a text can be asked for: the ones loaded at the start and the ones loaded with their view. */
export type MessageKey =
  | keyof typeof de
  | keyof typeof economics.de
  | keyof typeof actions.de
  | keyof typeof campaigns.de
  | keyof typeof selfcheck.de
  | keyof typeof evidence.de
  | keyof typeof valuestream.de
  | keyof typeof backup.de
  | keyof typeof report.de;

export const en: Texts<typeof de> = {
  ...app.en,
  ...importTexts.en,
  ...settings.en,
  ...overview.en,
  ...customers.en,
  ...cohorts.en,
  ...segments.en,
  ...forecast.en,
  ...figures.en,
  ...exportsTexts.en,
};
