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
import * as evidence from './evidence';
import * as forecast from './forecast';
import * as importTexts from './import';
import * as overview from './overview';
import * as segments from './segments';
import * as selfcheck from './selfcheck';
import * as settings from './settings';
import * as valuestream from './valuestream';
import * as figures from './figures';
import * as exportsTexts from './exports';
import * as economics from './economics';

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
  selfcheck,
  evidence,
  valuestream,
  figures,
  exports: exportsTexts,
  economics,
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
  ...selfcheck.de,
  ...evidence.de,
  ...valuestream.de,
  ...figures.de,
  ...exportsTexts.de,
  ...economics.de,
};

/** Every key a text can be asked for. */
export type MessageKey = keyof typeof de;

export const en: Texts<typeof de> = {
  ...app.en,
  ...importTexts.en,
  ...settings.en,
  ...overview.en,
  ...customers.en,
  ...cohorts.en,
  ...segments.en,
  ...forecast.en,
  ...selfcheck.en,
  ...evidence.en,
  ...valuestream.en,
  ...figures.en,
  ...exportsTexts.en,
  ...economics.en,
};
