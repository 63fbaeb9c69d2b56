import { describe, expect, it } from 'vitest';
import { fillMessage, usedFields } from '../../../src/analytics/actions/message';
import { MESSAGE_FIELDS, type MessageField } from '../../../src/shared/actions';

const VALUES: Record<MessageField, string> = {
  customer: 'K-17',
  name: 'Alpha GmbH',
  lastOrderDate: '03.02.2024',
  daysSinceLastOrder: '120',
  lastProducts: 'Schrauben, Dübel',
  usualProducts: 'Schrauben',
  orders: '4',
  revenue: '1.234,50 €',
  suggestion: 'Werkzeug',
};

describe('message fields', () => {
  it('fills every field of MESSAGE_FIELDS', () => {
    const text = MESSAGE_FIELDS.map((f) => `{${f}}`).join('|');
    expect(fillMessage(text, VALUES)).toBe(MESSAGE_FIELDS.map((f) => VALUES[f]).join('|'));
  });

  it('fills a field each time it appears, and leaves the rest of the text as written', () => {
    expect(fillMessage('Hallo {name}, seit {daysSinceLastOrder} Tagen … {name}!', VALUES)).toBe(
      'Hallo Alpha GmbH, seit 120 Tagen … Alpha GmbH!',
    );
  });

  it('an unknown {…}, an empty {} and a field without a value stay as written', () => {
    expect(fillMessage('{kunde} {} { name } {Name} {name', VALUES)).toBe('{kunde} {} { name } {Name} {name');
    expect(fillMessage('{customer} {suggestion}', { customer: 'K-1' })).toBe('K-1 {suggestion}');
  });

  it('an empty value fills as empty; a value with braces is not filled again', () => {
    expect(fillMessage('[{suggestion}]', { suggestion: '' })).toBe('[]');
    expect(fillMessage('{name} {orders}', { name: '{orders}', orders: '4' })).toBe('{orders} 4');
  });

  it('an empty value before punctuation or a line end takes its space along; elsewhere the space stays', () => {
    const none = { name: '', orders: '4' };
    expect(fillMessage('Guten Tag {name},\n\nDanke', none)).toBe('Guten Tag,\n\nDanke');
    expect(fillMessage('Dear {name}!', none)).toBe('Dear!');
    expect(fillMessage('Hallo {name}\nDanke', none)).toBe('Hallo\nDanke');
    expect(fillMessage('Hallo {name}', none)).toBe('Hallo');
    expect(fillMessage('Für {name} und {orders} Bestellungen', none)).toBe('Für  und 4 Bestellungen');
    expect(fillMessage('Guten Tag {name},', { name: 'Müller GmbH' })).toBe('Guten Tag Müller GmbH,');
  });

  it('names the fields a text uses, once each, in order', () => {
    expect(usedFields('{revenue} {x} {name} {revenue}')).toEqual(['revenue', 'name']);
  });
});
