/**
 * Marketing spend: one row per period and channel (METRICS "Economics": CAC, funnel). The period is a date or a
 * month (`03.2024`, `März 2024`), stored as the day number of the date or of the month's first day; the purpose
 * (acquisition or existing customers) is stored as written, and the figures interpret it.
 */
import { defineSource } from './define';

export const spend = defineSource({
  id: 'spend',
  fields: [
    {
      role: 'period',
      kind: 'period',
      required: true,
      missing: 'missingPeriod',
      invalid: 'badPeriod',
      plausible: true,
      preview: 'date',
      synonyms: ['monat', 'zeitraum', 'periode', 'datum', 'month', 'period', 'date', 'buchungsmonat'],
      partial: ['monat', 'zeitraum', 'month', 'period'],
    },
    {
      // Optional: a file of months and amounts alone (the whole marketing budget) gives the blended figures; a row
      // with a blank channel counts there too (docs/economics.md).
      role: 'channel',
      kind: 'code',
      synonyms: ['kanal', 'marketingkanal', 'channel', 'kampagne', 'campaign', 'quelle', 'source', 'medium'],
      partial: ['kanal', 'channel', 'kampagne', 'campaign'],
    },
    {
      role: 'amount',
      kind: 'number',
      required: true,
      missing: 'missingAmount',
      invalid: 'badAmount',
      money: true,
      preview: 'amount',
      synonyms: [
        'kosten',
        'ausgaben',
        'budget',
        'spend',
        'betrag',
        'marketingkosten',
        'werbekosten',
        'cost',
        'costs',
        'amount',
        'adspend',
      ],
      partial: ['kosten', 'ausgaben', 'budget', 'spend', 'betrag', 'cost', 'amount'],
    },
    {
      role: 'impressions',
      kind: 'number',
      invalid: 'badNumber',
      synonyms: ['impressionen', 'einblendungen', 'impressions', 'views', 'reichweite'],
      partial: ['impression', 'einblendung'],
    },
    {
      role: 'clicks',
      kind: 'number',
      invalid: 'badNumber',
      synonyms: ['klicks', 'clicks', 'klickzahl'],
      partial: ['klick', 'click'],
    },
    {
      role: 'leads',
      kind: 'number',
      invalid: 'badNumber',
      synonyms: ['leads', 'anfragen', 'kontaktanfragen', 'interessenten'],
      partial: ['lead'],
    },
    {
      role: 'newCustomers',
      kind: 'number',
      invalid: 'badNumber',
      synonyms: ['neukunden', 'conversions', 'newcustomers', 'abschluesse', 'gewonnenekunden', 'acquired'],
      partial: ['neukunde', 'conversion', 'newcustomer'],
    },
    {
      role: 'purpose',
      kind: 'code',
      synonyms: ['zweck', 'ziel', 'zielgruppe', 'purpose', 'goal', 'objective'],
    },
  ],
  partialOrder: ['period', 'newCustomers', 'impressions', 'clicks', 'leads', 'channel', 'amount'],
  attributes: false,
  currency: true,
});
