import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { CampaignKind } from '../db/schema/index.js';
import type { Broadcast } from '../services/broadcasts/index.js';
import { CAMPAIGNS } from '../services/campaigns.js';
import { escapeHtml } from '../telegram/html-render.js';
import type { Locale, MessageKey, Translator } from '../text/i18n.js';

/** Callback data of the "Unsubscribe from news" button under every advertising message. */
export const UNSUBSCRIBE_DATA = 'nws:off';
/** What that button becomes once pressed: "Subscribe again". */
export const RESUBSCRIBE_DATA = 'nws:on';

/**
 * An ad's keyboard with its last button switched between "Unsubscribe" and "Subscribe again" (the ad's
 * own buttons stay as they are).
 */
export function withSubscriptionButton(
  markup: InlineKeyboardMarkup | undefined,
  subscribed: boolean,
  label: string,
): InlineKeyboardMarkup {
  const target = subscribed ? RESUBSCRIBE_DATA : UNSUBSCRIBE_DATA;
  const button: InlineKeyboardButton = {
    text: label,
    callback_data: subscribed ? UNSUBSCRIBE_DATA : RESUBSCRIBE_DATA,
  };
  const rows = (markup?.inline_keyboard ?? []).filter(
    (row) =>
      !row.some(
        (b) =>
          'callback_data' in b && (b.callback_data === target || b.callback_data === button.callback_data),
      ),
  );
  return { inline_keyboard: [...rows, [button]] };
}

/** The deep link of an "open product" button: records the click, then shows the product. */
export function productDeepLink(botUsername: string, broadcastId: number, productId: number): string {
  return `https://t.me/${botUsername}?start=bc_${broadcastId}_${productId}`;
}

export interface AdMessage {
  text: string;
  photo: string | null;
  reply_markup: InlineKeyboardMarkup;
}

export type AdVars = Record<string, string | number> | null | undefined;

/** The default text of each campaign; a broadcast of no (known) campaign gets the generic one. */
const CAMPAIGN_TEXT: Record<CampaignKind, MessageKey> = {
  new_product: 'bc-auto-new_product-text',
  abandoned: 'bc-auto-abandoned-text',
  winback: 'bc-auto-winback-text',
  followup: 'bc-auto-followup-text',
};
function campaignText(campaign: string | null): MessageKey {
  const kind = CAMPAIGNS.find((c) => c === campaign);
  return kind ? CAMPAIGN_TEXT[kind] : 'bc-auto-none-text';
}

const PLACEHOLDER = /\{(name|product|code|discount)\}/g;

/** Replaces `{name}`, `{product}`, `{code}`, `{discount}` in admin-written HTML with escaped values. */
export function fillPlaceholders(html: string, values: Record<string, string | number | undefined>): string {
  return html.replace(PLACEHOLDER, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : escapeHtml(String(value));
  });
}

/**
 * An advertising message exactly as its recipient sees it: the text (the admin's HTML, or a campaign's
 * default text in the recipient's language), the photo, the buttons, and "Unsubscribe from news" —
 * except in the channel (`channel`), where a subscription button would mean nothing; there, as
 * everywhere, "open service" buttons are deep links into the bot. The admin's preview is built by the
 * same function.
 */
export function renderAd(
  translator: Translator,
  locale: Locale,
  broadcast: Pick<Broadcast, 'id' | 'text' | 'photo' | 'buttons' | 'campaign'>,
  vars: AdVars,
  recipient: { firstName: string },
  botUsername: string,
  options: { channel?: boolean } = {},
): AdMessage {
  // The service's English title for English readers when it has one (`productEn`, null otherwise).
  const product = (locale === 'en' && vars?.productEn) || vars?.product;
  const values: Record<string, string | number | undefined> = {
    name: recipient.firstName,
    ...(vars ?? {}),
    product,
  };
  const text =
    broadcast.text !== null
      ? fillPlaceholders(broadcast.text, values)
      : translator.t(locale, campaignText(broadcast.campaign), {
          name: recipient.firstName,
          product: product === undefined ? undefined : String(product),
          code: vars?.code === undefined ? undefined : String(vars.code),
          discount: vars?.discount === undefined ? undefined : Number(vars.discount),
        });
  const rows: InlineKeyboardButton[][] = [];
  for (const button of broadcast.buttons) {
    if (button.kind === 'url') rows.push([{ text: button.text, url: button.url }]);
    else
      rows.push([{ text: button.text, url: productDeepLink(botUsername, broadcast.id, button.productId) }]);
  }
  if (broadcast.campaign && typeof vars?.productId === 'number') {
    rows.push([
      {
        text: translator.t(locale, 'bc-btn-open-product'),
        url: productDeepLink(botUsername, broadcast.id, vars.productId),
      },
    ]);
  }
  if (!options.channel) {
    rows.push([{ text: translator.t(locale, 'bc-btn-unsubscribe'), callback_data: UNSUBSCRIBE_DATA }]);
  }
  return { text, photo: broadcast.photo, reply_markup: { inline_keyboard: rows } };
}
