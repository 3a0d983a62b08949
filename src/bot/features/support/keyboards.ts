import { InlineKeyboard } from 'grammy';
import type { Translate } from '../../../text/i18n.js';
import { rateTicket, withdrawTicket } from './callback-data.js';

/** "Withdraw ticket" under every waiting notice. */
export function withdrawKeyboard(t: Translate, ticketId: number): InlineKeyboard {
  return new InlineKeyboard().text(t('support-btn-withdraw'), withdrawTicket.pack({ ticket: ticketId }));
}

/** One to five stars, one per row, under "your ticket is closed". */
export function ratingKeyboard(ticketId: number): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  for (let stars = 1; stars <= 5; stars++)
    keyboard.text('⭐'.repeat(stars), rateTicket.pack({ ticket: ticketId, stars })).row();
  return keyboard;
}
