import { describe, expect, it } from 'vitest';
import { adHtmlOf, cutAtWord, validateAdHtml } from '../../src/bot/features/broadcasts/ad-html.js';
import { zoneWords } from '../../src/bot/features/broadcasts/labels.js';
import { renderProgress } from '../../src/bot/features/broadcasts/progress-view.js';
import { averageRate } from '../../src/jobs/progress.js';
import { parseLocalDateTime } from '../../src/jobs/schedule.js';
import type { BroadcastRun, RunProgress } from '../../src/services/broadcasts/index.js';
import { Translator } from '../../src/text/i18n.js';

const ru = new Translator('ru').for('ru');
const en = new Translator('ru').for('en');

function progress(run: Partial<BroadcastRun>, counts: Partial<Omit<RunProgress, 'run'>>): RunProgress {
  const started = new Date('2026-12-01T12:00:00Z');
  return {
    run: {
      id: 1,
      broadcastId: 7,
      state: 'running',
      scheduledFor: started,
      total: 100,
      progressChatId: 1,
      progressMessageId: 1,
      progressFinal: false,
      createdAt: started,
      finishedAt: null,
      ...run,
    },
    total: 100,
    sent: 0,
    unconfirmed: 0,
    failed: 0,
    blocked: 0,
    skipped: 0,
    pending: 100,
    cancelled: 0,
    ...counts,
  };
}

describe('the progress message text', () => {
  it('shows no rate until there is one (no "0.0 msg/s" on the first ticks)', () => {
    const first = renderProgress(en, progress({}, { sent: 3, pending: 97 }), 0).text;
    expect(first).not.toContain('⚡');
    const later = renderProgress(en, progress({}, { sent: 30, pending: 70 }), 28.7).text;
    expect(later).toContain('⚡ Rate: 28.7 messages/s · 0:02 left');
  });

  it('ends with the average over the whole run, not the last smoothed rate', () => {
    const run = { state: 'done' as const, finishedAt: new Date('2026-12-01T12:00:04Z') };
    const p = progress(run, { sent: 98, failed: 1, blocked: 1, pending: 0 });
    expect(averageRate(p)).toBe(25);
    expect(renderProgress(ru, p, 17.6).text).toContain('⚡ Средняя скорость: 25,0 сообщ./с');
    expect(renderProgress(ru, p, 0).text).not.toContain('17,6');
  });

  it('after a cancel, says how many were not sent, so that the figures add up to the total', () => {
    const run = { state: 'cancelled' as const, finishedAt: new Date('2026-12-01T12:00:02Z') };
    const text = renderProgress(
      ru,
      progress(run, { sent: 40, skipped: 2, cancelled: 58, pending: 0 }),
      0,
    ).text;
    expect(text).toContain('✅ Доставлено: 40');
    expect(text).toContain('⏭ Пропущено: 2');
    expect(text).toContain('✖️ Не отправлено из-за отмены: 58');
    expect(text).toContain('👥 Всего: 100');
    // the bar shows what went out, not what the cancel kept back
    expect(text).toContain('▓▓▓▓░░░░░░ 42%');
  });
});

describe('the ad text of a formatted message', () => {
  it('converts the formatting a client applied and escapes the text', () => {
    const text = 'Sale <50%> & more';
    expect(
      adHtmlOf(text, [
        { type: 'bold', offset: 0, length: 4 },
        { type: 'url', offset: 0, length: 4 },
        { type: 'custom_emoji', offset: 5, length: 1 },
      ]),
    ).toBe('<b>Sale</b> &lt;50%&gt; &amp; more');
  });

  it('takes hand-written HTML as HTML, and any other plain text as text', () => {
    expect(adHtmlOf('<b>Sale</b> today', undefined)).toBe('<b>Sale</b> today');
    expect(adHtmlOf('Tom & Jerry <3', undefined)).toBe('Tom &amp; Jerry &lt;3');
  });

  it('refuses a link Telegram would drop without a word', () => {
    expect(validateAdHtml('<a href="javascript:alert(1)">x</a>', false)).toEqual({
      ok: false,
      reason: 'bad-link',
      link: 'javascript:alert(1)',
    });
    expect(validateAdHtml('<a href="https://example.com">x</a>', false)).toEqual({ ok: true });
  });
});

describe('labels', () => {
  it('cuts at a word boundary with an ellipsis', () => {
    expect(cutAtWord('Скидка на все услуги студии до конца недели', 20)).toBe('Скидка на все услуги…');
    expect(cutAtWord('Коротко', 20)).toBe('Коротко');
    expect(cutAtWord('Одно-оченьдлинноеслово-безпробелов', 10)).toBe('Одно-очень…');
  });

  it('names the time zone in words, never by its id', () => {
    expect(zoneWords(ru, 'ru', 'Europe/Moscow')).toBe('по московскому времени');
    expect(zoneWords(en, 'en', 'Europe/Moscow')).toBe('Moscow time');
    const berlin = zoneWords(ru, 'ru', 'Europe/Berlin', new Date('2026-01-15T12:00:00Z'));
    expect(berlin).toBe('по времени «Центральная Европа» (GMT+1)');
  });
});

describe('dates typed by the owner', () => {
  const tz = 'Europe/Moscow';
  const now = new Date('2026-12-01T20:30:00Z'); // 23:30 in Moscow

  it('reads "today", "tomorrow", "завтра в", "послезавтра" in the studio time zone', () => {
    expect(parseLocalDateTime('завтра 10:00', tz, now)?.toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(parseLocalDateTime('Завтра в 9.30', tz, now)?.toISOString()).toBe('2026-12-02T06:30:00.000Z');
    expect(parseLocalDateTime('tomorrow at 18:00', tz, now)?.toISOString()).toBe('2026-12-02T15:00:00.000Z');
    expect(parseLocalDateTime('today 23:45', tz, now)?.toISOString()).toBe('2026-12-01T20:45:00.000Z');
    expect(parseLocalDateTime('послезавтра 10:00', tz, now)?.toISOString()).toBe('2026-12-03T07:00:00.000Z');
  });

  it('reads dates as the bot writes them, and refuses what it cannot read', () => {
    expect(parseLocalDateTime('31.12.2026, 18:00', tz)?.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(parseLocalDateTime('31/12/2026 18:00', tz)?.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    expect(parseLocalDateTime('2026-12-31 18:00', tz)?.toISOString()).toBe('2026-12-31T15:00:00.000Z');
    for (const unreadable of [
      'завтра',
      'вчера 10:00',
      'когда-нибудь',
      '31.02.2026 10:00',
      'tomorrow 25:00',
    ]) {
      expect(parseLocalDateTime(unreadable, tz, now), unreadable).toBeUndefined();
    }
  });
});
