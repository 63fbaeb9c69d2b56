/** The import sources the app offers, and the plain description of a source for the mapping step. */
import type { ImportOptions, SourceSpec } from '../../shared/types';
import { customers } from './customers';
import { orders } from './orders';
import { spend } from './spend';
import type { ImportSource } from './types';

/** Every source, the default (order lines) first. */
export const SOURCES: readonly ImportSource[] = [orders, customers, spend];

/** The source of an id; throws for an unknown one. */
export function sourceById(id: string): ImportSource {
  const source = SOURCES.find((s) => s.id === id);
  if (!source) throw new Error(`Unknown import source: ${id}`);
  return source;
}

/** The source that options were made for (options without one are for order lines). */
export function sourceOf(options: Pick<ImportOptions, 'source'>): ImportSource {
  return options.source === undefined ? orders : sourceById(options.source);
}

/** The plain part of a source, as the mapping step needs it: no synonyms, no functions (structured-clone safe). */
export function describeSource(source: ImportSource): SourceSpec {
  return {
    id: source.id,
    fields: source.fields.map((f) => ({
      role: f.role,
      kind: f.kind,
      required: f.required ?? false,
      labelKey: f.labelKey ?? `role.${f.role}`,
    })),
    recommended: source.recommended
      ? {
          anyOf: source.recommended.anyOf.map((group) => [...group]),
          hintKey: source.recommended.hintKey,
          missingKey: source.recommended.missingKey,
        }
      : null,
    cancelMarker: source.cancelMarker,
    attributes: source.attributes,
    duplicates: source.duplicates,
    currency: source.currency,
    preview: [...source.preview],
  };
}
