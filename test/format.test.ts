import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatPrice } from '../src/text/format.js';

describe('formatPrice', () => {
  it('groups thousands and puts the rouble sign where each language does', () => {
    expect(formatPrice(15_000, 'ru')).toBe('15\u00a0000\u00a0₽');
    expect(formatPrice(15_000, 'en')).toBe('₽15,000');
    expect(formatPrice(0, 'ru')).toBe('0\u00a0₽');
  });
});

describe('formatDateTime', () => {
  it('shows the time in the studio time zone', () => {
    const date = new Date('2026-11-23T21:05:00Z');
    expect(formatDateTime(date, 'ru', 'Europe/Moscow')).toBe('24.11.2026, 00:05');
    expect(formatDateTime(date, 'en', 'UTC')).toBe('23 Nov 2026, 21:05');
  });

  it('writes an English date with the month by name, a Russian one in digits', () => {
    const date = new Date('2026-03-04T10:00:00Z');
    expect(formatDate(date, 'en', 'UTC')).toBe('4 Mar 2026');
    expect(formatDate(date, 'ru', 'UTC')).toBe('04.03.2026');
  });
});
