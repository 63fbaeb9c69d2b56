/**
 * A campaign's message text with its fields filled (METRICS.md "Actions": campaigns; the fields are
 * MESSAGE_FIELDS). A field is written `{field}`; each is replaced by the customer's value, formatted by the caller.
 * An unknown `{…}` (or a field the caller gives no value for) stays as written, so a typo shows in the preview.
 */
import { MESSAGE_FIELDS, type MessageField } from '../../shared/actions';

const FIELDS: ReadonlySet<string> = new Set(MESSAGE_FIELDS);
const FIELD_TOKEN = /\{([A-Za-z]+)\}/g;
/** A field token with the one space before it (an empty value takes that space along before punctuation). */
const FIELD_TOKEN_SPACED = /( ?)\{([A-Za-z]+)\}/g;

export function isMessageField(name: string): name is MessageField {
  return FIELDS.has(name);
}

/**
 * The text with every `{field}` of MESSAGE_FIELDS replaced by its value. An empty value before punctuation or the
 * end of a line takes the space before it along: "Guten Tag {name}," without a name reads "Guten Tag,".
 */
export function fillMessage(text: string, values: Partial<Record<MessageField, string>>): string {
  return text.replace(FIELD_TOKEN_SPACED, (whole: string, space: string, name: string, at: number) => {
    if (!isMessageField(name)) return whole;
    const value = values[name];
    if (value === undefined) return whole;
    const next = text[at + whole.length];
    if (value === '' && space && (next === undefined || /[,.;:!?\n]/.test(next))) return '';
    return space + value;
  });
}

/** The fields of MESSAGE_FIELDS a text uses, once each, in order of first use (for the editor's hints). */
export function usedFields(text: string): MessageField[] {
  const out: MessageField[] = [];
  for (const m of text.matchAll(FIELD_TOKEN)) {
    const name = m[1];
    if (isMessageField(name) && !out.includes(name)) out.push(name);
  }
  return out;
}
