/**
 * The sandbox page's HTTP side: static files, a JSON view of the emulator's chats, user actions (send text or
 * a photo, reply to a message, press a button, open a link, join/leave the channel, block the bot, switch the
 * app language, ask the bot inline and send a result, pay an invoice with the test card or Stars), Reset demo, and a server-sent event stream of everything that changes. Only the personas
 * can be driven; the page never sees raw HTML from the bot — it gets text + entities and builds DOM nodes
 * itself.
 */
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { type SSEStreamingApi, streamSSE } from 'hono/streaming';
import type { Role } from '../../services/staff.js';
import {
  type CallbackAnswerEvent,
  currencyExp,
  type InlineKeyboardButton,
  type InlineQueryAnswer,
  type InlineQueryResult,
  type OrderInfo,
  type StoredMessage,
  type TelegramEmulator,
} from '../emulator/index.js';
import { PERSONAS, type Persona, personaById, SANDBOX_CHANNEL } from '../personas.js';

export interface MessageView {
  id: number;
  chatId: number;
  sender: 'bot' | 'user';
  date: number;
  text?: string;
  entities?: unknown[];
  photo?: string;
  /** The photo's size, so the page reserves its place before the image has loaded. */
  photoSize?: { width: number; height: number };
  document?: { fileId: string; name: string };
  inlineKeyboard?: InlineButtonView[][];
  /** The bot the persona sent this through (inline mode): the page shows "via @bot". */
  viaBot?: string;
  invoice?: InvoiceView;
  /** A service line: a payment made or a Stars payment refunded. */
  service?: { kind: 'payment' | 'refund'; currency: string; totalAmount: number; exp: number };
  replyTo?: number;
  /** The message replied to, as the quote above the reply shows it. */
  reply?: { id: number; sender: 'bot' | 'user'; text: string };
  edited: boolean;
  deleted: boolean;
}

export interface InlineButtonView {
  text: string;
  data?: string;
  url?: string;
  /** The invoice's Pay button. */
  pay?: true;
  /** switch_inline_query* buttons: the text put after `@bot ` in the composer. */
  switchInline?: string;
}

/** An invoice message as the page draws it and the payment sheet needs it. */
export interface InvoiceView {
  title: string;
  description: string;
  currency: string;
  totalAmount: number;
  /** Digits after the decimal point of the currency (0 for Stars). */
  exp: number;
  prices: { label: string; amount: number }[];
  photoUrl?: string;
  photoSize?: { width: number; height: number };
  maxTipAmount: number;
  suggestedTipAmounts: number[];
  need: { name: boolean; phone: boolean; email: boolean; shipping: boolean };
  paid: boolean;
}

/** An inline query result as the list above the composer shows it. */
export interface InlineResultView {
  id: string;
  type: string;
  title: string;
  description?: string;
  /**
   * A thumbnail: the page's own file route for cached photos, else the result's thumbnail/photo URL (which the
   * page, loading nothing from the internet, shows only when it is its own).
   */
  thumbnail?: string;
}

export interface ReplyKeyboardView {
  rows: string[][];
  placeholder?: string;
}

/** A message on one line, shortened, for a reply's quote. */
function quoteOf(m: StoredMessage): string {
  if (m.invoice) return `🧾 ${m.invoice.title}`;
  if (m.successful_payment) return '💳 Payment';
  if (m.refunded_payment) return '↩️ Refund';
  const text = (m.text ?? m.caption ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return m.photo || m.photo_file_id ? '🖼 Photo' : m.document ? '📄 File' : '';
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

function buttonView(b: InlineKeyboardButton): InlineButtonView {
  const view: InlineButtonView = { text: b.text };
  if (b.callback_data !== undefined) view.data = b.callback_data;
  if (b.url !== undefined) view.url = b.url;
  if (b.pay) view.pay = true;
  const switchInline =
    b.switch_inline_query_current_chat ??
    b.switch_inline_query ??
    (b.switch_inline_query_chosen_chat ? String(b.switch_inline_query_chosen_chat.query ?? '') : undefined);
  if (switchInline !== undefined) view.switchInline = switchInline;
  return view;
}

function resultView(r: InlineQueryResult): InlineResultView {
  const text = (key: string) => (typeof r[key] === 'string' ? (r[key] as string) : undefined);
  const photoId = text('photo_file_id');
  const thumbnail = photoId
    ? `/api/files/${encodeURIComponent(photoId)}`
    : (text('thumbnail_url') ?? text('photo_url'));
  const description = text('description');
  return {
    id: r.id,
    type: r.type,
    title: text('title') ?? (r.type === 'photo' ? '🖼 Photo' : r.id),
    ...(description ? { description } : {}),
    ...(thumbnail ? { thumbnail } : {}),
  };
}

/** The sandbox's test card: any other number is declined by the payment sheet, as a test provider would. */
export const TEST_CARD = '4242424242424242';

/** Checks the test card form; returns the reason it is refused, or undefined. */
export function checkTestCard(
  card: { number?: unknown; expiry?: unknown; cvc?: unknown } | undefined,
  now = new Date(),
): string | undefined {
  if (!card) return 'Enter the test card';
  const number = typeof card.number === 'string' ? card.number.replace(/[\s-]/g, '') : '';
  if (number !== TEST_CARD) return 'Use the test card 4242 4242 4242 4242';
  const expiry = typeof card.expiry === 'string' ? /^\s*(\d{2})\s*\/\s*(\d{2})\s*$/.exec(card.expiry) : null;
  const month = Number(expiry?.[1]);
  const year = 2000 + Number(expiry?.[2]);
  if (!expiry || month < 1 || month > 12) return 'Enter the expiry date as MM/YY';
  // a card is valid to the end of its month
  if (year * 12 + month < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) return 'The card has expired';
  if (typeof card.cvc !== 'string' || !/^\d{3,4}$/.test(card.cvc.trim())) return 'Enter the 3-digit CVC';
  return undefined;
}

function messageView(m: StoredMessage, emu: TelegramEmulator): MessageView {
  const view: MessageView = {
    id: m.message_id,
    chatId: m.chat_id,
    sender: m.sender,
    date: m.date,
    edited: m.edited,
    deleted: m.deleted,
  };
  const text = m.text ?? m.caption;
  if (text !== undefined) view.text = text;
  const entities = m.text !== undefined ? m.entities : m.caption_entities;
  if (entities && entities.length > 0) view.entities = entities;
  const photo = m.photo_file_id ?? m.photo?.at(-1)?.file_id;
  if (photo) view.photo = photo;
  const size = m.photo?.at(-1);
  if (photo && size?.width && size.height) view.photoSize = { width: size.width, height: size.height };
  if (m.document) view.document = { fileId: m.document.file_id, name: m.document.file_name ?? 'file' };
  if (m.reply_markup && 'inline_keyboard' in m.reply_markup) {
    view.inlineKeyboard = m.reply_markup.inline_keyboard.map((row) => row.map(buttonView));
  }
  if (m.via_bot?.username) view.viaBot = m.via_bot.username;
  const details = m.invoice_details;
  if (m.invoice && details) {
    view.invoice = {
      title: details.title,
      description: details.description,
      currency: details.currency,
      totalAmount: details.total_amount,
      exp: currencyExp(details.currency),
      prices: details.prices,
      ...(details.photo_url ? { photoUrl: details.photo_url } : {}),
      ...(details.photo_url && details.photo_width && details.photo_height
        ? { photoSize: { width: details.photo_width, height: details.photo_height } }
        : {}),
      maxTipAmount: details.max_tip_amount,
      suggestedTipAmounts: details.suggested_tip_amounts,
      need: {
        name: details.need_name,
        phone: details.need_phone_number,
        email: details.need_email,
        shipping: details.need_shipping_address,
      },
      paid: m.invoice_paid,
    };
  }
  const payment = m.successful_payment ?? m.refunded_payment;
  if (payment) {
    view.service = {
      kind: m.successful_payment ? 'payment' : 'refund',
      currency: payment.currency,
      totalAmount: payment.total_amount,
      exp: currencyExp(payment.currency),
    };
  }
  if (m.reply_to_message_id !== undefined) {
    view.replyTo = m.reply_to_message_id;
    const replied = emu.message(m.chat_id, m.reply_to_message_id);
    if (replied && !replied.deleted) {
      view.reply = { id: replied.message_id, sender: replied.sender, text: quoteOf(replied) };
    }
  }
  return view;
}

const WEB_DIR = new URL('./', import.meta.url);
const STATIC: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/render.js': { file: 'render.js', type: 'text/javascript; charset=utf-8' },
  '/style.css': { file: 'style.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

export interface SandboxRoutesOptions {
  emu: TelegramEmulator;
  /** The bot's own routes (/healthz, /metrics) once the bot runs. */
  botHttp: () => { fetch(request: Request): Response | Promise<Response> } | undefined;
  /** A persona's role as the bot sees it now (the owner from OWNER_IDS, staff from the database). */
  roleOf: (userId: number) => Promise<Role>;
  /** Wipes the chats and the database back to the seeded demo (Reset demo). */
  reset: () => Promise<void>;
  /** The studio's time zone (TIMEZONE): the page shows message times in it, like the bot's texts. */
  timezone: string;
}

const ROLE_ABOUT: Record<Role, string> = {
  customer: 'Customer',
  owner: 'Owner of the studio',
  admin: 'Administrator',
  support: 'Support agent',
};
const LANGUAGE_NAME: Record<string, string> = { ru: 'Russian', en: 'English' };
/** The app languages a persona can switch between (the bot's locales). */
const LANGUAGES = Object.keys(LANGUAGE_NAME);

/** Whether a persona is in the sandbox channel (as the bot would see it with getChatMember). */
async function inChannel(emu: TelegramEmulator, userId: number): Promise<boolean> {
  const member = await emu.invoke<{ status: string; is_member?: boolean }>('getChatMember', {
    chat_id: SANDBOX_CHANNEL.id,
    user_id: userId,
  });
  return ['creator', 'administrator', 'member'].includes(member.status) || member.is_member === true;
}

async function personaState(emu: TelegramEmulator, persona: Persona, role: Role) {
  const { started, blocked } = emu.userState(persona.id);
  const languageCode = emu.user(persona.id).language_code ?? '';
  return {
    id: persona.id,
    name: [persona.firstName, persona.lastName].filter(Boolean).join(' '),
    username: persona.username,
    role,
    about: [ROLE_ABOUT[role], LANGUAGE_NAME[languageCode]].filter(Boolean).join(' · '),
    color: persona.color,
    languageCode,
    started,
    blocked,
    inChannel: await inChannel(emu, persona.id),
  };
}

function replyKeyboardOf(emu: TelegramEmulator, chatId: number): ReplyKeyboardView | null {
  const keyboard = emu.chat(chatId).replyKeyboard;
  if (!keyboard) return null;
  return {
    rows: keyboard.keyboard.map((row) => row.map((b) => b.text)),
    ...(keyboard.input_field_placeholder ? { placeholder: keyboard.input_field_placeholder } : {}),
  };
}

type Listener = (event: string, data: unknown) => void;

/** Builds the Hono app of the sandbox page (the Bot API routes are mounted by the caller). */
export function createSandboxRoutes(options: SandboxRoutesOptions): {
  app: Hono;
  /** Ends every open event stream (before the server closes). */
  closeStreams(): void;
} {
  const { emu } = options;
  const app = new Hono();
  const listeners = new Set<Listener>();
  const streams = new Set<SSEStreamingApi>();
  const broadcast: Listener = (event, data) => {
    for (const listener of listeners) listener(event, data);
  };

  /** The role each persona was last shown with: a change (an invite accepted, an agent removed) is pushed. */
  const shownRoles = new Map<number, Role>();
  const roleOf = async (persona: Persona): Promise<Role> => {
    const role = await options.roleOf(persona.id).catch(() => shownRoles.get(persona.id) ?? persona.role);
    shownRoles.set(persona.id, role);
    return role;
  };
  const stateOf = async (persona: Persona) => personaState(emu, persona, await roleOf(persona));
  const personaChanged = async (persona: Persona) => broadcast('persona', await stateOf(persona));
  let roleCheck: NodeJS.Timeout | undefined;
  /** Roles change in the bot's database; the bot then talks (welcome, menu): look again shortly after. */
  const checkRolesSoon = () => {
    if (roleCheck) return;
    roleCheck = setTimeout(async () => {
      roleCheck = undefined;
      try {
        for (const persona of PERSONAS) {
          const before = shownRoles.get(persona.id);
          if (before !== undefined && before !== (await roleOf(persona))) await personaChanged(persona);
        }
      } catch {
        // The sandbox is stopping (the emulator is gone): nothing to show any more.
      }
    }, 100);
  };

  const chatIds = new Set<number>([...PERSONAS.map((p) => p.id), SANDBOX_CHANNEL.id]);
  emu.events.on('message', (m) => {
    if (!chatIds.has(m.chat_id)) return;
    broadcast('message', { message: messageView(m, emu), replyKeyboard: replyKeyboardOf(emu, m.chat_id) });
    if (m.sender === 'bot') checkRolesSoon();
  });
  emu.events.on('edit', (m) => {
    if (chatIds.has(m.chat_id)) broadcast('edit', { message: messageView(m, emu) });
  });
  emu.events.on('delete', (m) => {
    if (chatIds.has(m.chat_id)) broadcast('delete', { chatId: m.chat_id, id: m.message_id });
  });
  emu.events.on('callbackAnswer', (e: CallbackAnswerEvent) => {
    broadcast('answer', {
      userId: e.userId,
      messageId: e.messageId,
      text: e.answer.text ?? '',
      showAlert: e.answer.show_alert === true,
    });
  });
  emu.events.on('commands', () => {
    broadcast('commands', {});
    checkRolesSoon();
  });
  emu.events.on('chatAction', (e) => {
    if (chatIds.has(e.chatId)) broadcast('typing', { chatId: e.chatId, action: e.action });
  });

  for (const [path, { file, type }] of Object.entries(STATIC)) {
    app.get(path, async (c) => {
      const body = await readFile(new URL(file, WEB_DIR));
      return c.body(new Uint8Array(body), 200, { 'content-type': type, ...SECURITY_HEADERS });
    });
  }

  app.get(
    '/healthz',
    (c) => options.botHttp()?.fetch(c.req.raw) ?? c.json({ ok: false, reason: 'starting' }, 503),
  );
  app.get('/metrics', (c) => options.botHttp()?.fetch(c.req.raw) ?? c.text('', 503));

  app.get('/api/world', async (c) => {
    const bot = emu.bot;
    return c.json({
      bot: { username: bot.username, name: bot.first_name },
      channel: {
        id: SANDBOX_CHANNEL.id,
        title: SANDBOX_CHANNEL.title,
        username: SANDBOX_CHANNEL.username,
      },
      timezone: options.timezone,
      languages: LANGUAGES,
      personas: await Promise.all(PERSONAS.map(stateOf)),
    });
  });

  app.get('/api/chats/:id', (c) => {
    const id = Number(c.req.param('id'));
    if (!chatIds.has(id)) return c.json({ error: 'unknown chat' }, 404);
    const persona = personaById(id);
    return c.json({
      messages: emu
        .chat(id)
        .messages.filter((m) => !m.deleted)
        .map((m) => messageView(m, emu)),
      replyKeyboard: persona ? replyKeyboardOf(emu, id) : null,
      commands: persona ? emu.commandsFor(id) : [],
    });
  });

  app.get('/api/files/:fileId', (c) => {
    const fileId = c.req.param('fileId');
    const bytes = emu.fileBytes(fileId);
    const info = emu.fileInfo(fileId);
    if (!bytes || !info) return c.text('not found', 404);
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': info.mimeType.startsWith('image/') ? info.mimeType : 'application/octet-stream',
      'cache-control': 'private, max-age=86400, immutable',
      'x-content-type-options': 'nosniff',
    });
  });

  let resetting = false;
  // While the demo is reset nobody acts: a message sent then would land in a half-wiped world.
  app.use('/api/personas/*', async (c, next) => {
    if (resetting) return c.json({ error: 'the demo is being reset; try again in a moment' }, 409);
    return next();
  });

  const persona = (id: string): Persona | undefined => personaById(Number(id));
  /** `replyTo` of a message the persona sends (the emulator refuses an id that is not in the chat). */
  const replyOption = (replyTo: unknown): { replyTo?: number } =>
    typeof replyTo === 'number' && Number.isSafeInteger(replyTo) ? { replyTo } : {};
  const failure = (error: unknown) => ({ error: error instanceof Error ? error.message : String(error) });

  app.post('/api/personas/:id/text', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { text?: unknown; replyTo?: unknown };
    if (typeof body.text !== 'string' || body.text.trim() === '') return c.json({ error: 'empty text' }, 400);
    try {
      const m = emu.sendText(who.id, body.text, replyOption(body.replyTo));
      return c.json({ id: m.message_id });
    } catch (error) {
      return c.json(failure(error), 400);
    }
  });

  app.post('/api/personas/:id/photo', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const file = form.photo;
    if (!(file instanceof File)) return c.json({ error: 'no photo' }, 400);
    const caption = typeof form.caption === 'string' ? form.caption : '';
    try {
      const m = emu.sendPhoto(who.id, {
        bytes: Buffer.from(await file.arrayBuffer()),
        ...(caption.trim() ? { caption } : {}),
        ...replyOption(typeof form.replyTo === 'string' ? Number(form.replyTo) : undefined),
      });
      return c.json({ id: m.message_id });
    } catch (error) {
      return c.json(failure(error), 400);
    }
  });

  app.post('/api/personas/:id/press', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { messageId?: unknown; data?: unknown };
    if (typeof body.messageId !== 'number' || typeof body.data !== 'string') {
      return c.json({ error: 'messageId and data are required' }, 400);
    }
    try {
      // The answer (toast or alert) reaches the page through the event stream.
      emu.pressButton(who.id, body.messageId, body.data).catch(() => undefined);
      return c.json({ ok: true });
    } catch (error) {
      return c.json(failure(error), 400);
    }
  });

  /** Inline answers the page may still choose from (the newest ones). */
  const inlineAnswers = new Map<string, InlineQueryAnswer>();

  app.post('/api/personas/:id/inline', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { query?: unknown; offset?: unknown };
    if (typeof body.query !== 'string') return c.json({ error: 'query is required' }, 400);
    const offset = typeof body.offset === 'string' ? body.offset : '';
    try {
      const answer = await emu.sendInlineQuery(who.id, body.query, { offset });
      inlineAnswers.set(answer.inlineQueryId, answer);
      if (inlineAnswers.size > 200) inlineAnswers.delete(inlineAnswers.keys().next().value ?? '');
      return c.json({
        inlineQueryId: answer.inlineQueryId,
        results: answer.results.map(resultView),
        nextOffset: answer.nextOffset,
        ...(answer.button ? { button: answer.button } : {}),
      });
    } catch (error) {
      const timedOut = error instanceof Error && error.message.includes('did not answer');
      if (timedOut) return c.json({ error: 'The bot did not answer within 10 seconds' }, 504);
      return c.json(failure(error), 400);
    }
  });

  app.post('/api/personas/:id/inline/choose', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { inlineQueryId?: unknown; resultId?: unknown };
    const answer = typeof body.inlineQueryId === 'string' ? inlineAnswers.get(body.inlineQueryId) : undefined;
    if (!answer || typeof body.resultId !== 'string') return c.json({ error: 'unknown inline result' }, 400);
    try {
      const m = emu.chooseInlineResult(who.id, answer, body.resultId);
      return c.json({ id: m.message_id });
    } catch (error) {
      return c.json(failure(error), 400);
    }
  });

  app.post('/api/personas/:id/pay', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as {
      messageId?: unknown;
      tipAmount?: unknown;
      card?: { number?: unknown; expiry?: unknown; cvc?: unknown };
      orderInfo?: { name?: unknown; phone?: unknown; email?: unknown };
    };
    if (typeof body.messageId !== 'number') return c.json({ error: 'messageId is required' }, 400);
    const invoice = emu.message(who.id, body.messageId);
    const details = invoice?.invoice_details;
    if (!invoice || !details) return c.json({ error: 'not an invoice' }, 400);
    if (details.currency !== 'XTR') {
      const refused = checkTestCard(body.card);
      if (refused) return c.json({ error: refused }, 400);
    }
    const orderInfo: OrderInfo = {};
    const given = body.orderInfo ?? {};
    if (typeof given.name === 'string' && given.name.trim()) orderInfo.name = given.name.trim();
    if (typeof given.phone === 'string' && given.phone.trim()) orderInfo.phone_number = given.phone.trim();
    if (typeof given.email === 'string' && given.email.trim()) orderInfo.email = given.email.trim();
    const tipAmount = typeof body.tipAmount === 'number' ? body.tipAmount : 0;
    try {
      const outcome = await emu.payInvoice(who.id, body.messageId, { tipAmount, orderInfo });
      // the Pay button becomes a receipt
      if (outcome.ok) broadcast('edit', { message: messageView(invoice, emu) });
      if (outcome.ok) return c.json({ ok: true, totalAmount: outcome.payment.total_amount });
      return c.json(
        outcome.timedOut ? { ok: false, timedOut: true } : { ok: false, errorMessage: outcome.errorMessage },
      );
    } catch (error) {
      return c.json(failure(error), 400);
    }
  });

  app.post('/api/personas/:id/open-link', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { url?: unknown };
    if (typeof body.url !== 'string') return c.json({ error: 'url is required' }, 400);
    let url: URL;
    try {
      url = new URL(body.url);
    } catch {
      return c.json({ error: 'not a URL' }, 400);
    }
    const telegram = url.protocol === 'tg:' || ['t.me', 'telegram.me'].includes(url.hostname);
    const target = (
      url.protocol === 'tg:' ? (url.searchParams.get('domain') ?? '') : url.pathname.replace(/^\/|\/$/g, '')
    ).toLowerCase();
    try {
      if (telegram && target === SANDBOX_CHANNEL.username.toLowerCase()) {
        emu.joinChannel(who.id, SANDBOX_CHANNEL.id);
        await personaChanged(who);
        return c.json({ action: 'joined-channel' });
      }
      if (telegram && target === emu.bot.username?.toLowerCase()) {
        emu.openDeepLink(who.id, url.toString());
        return c.json({ action: 'deep-link' });
      }
    } catch (error) {
      return c.json(failure(error), 400);
    }
    return c.json({ action: 'external' });
  });

  app.post('/api/personas/:id/channel', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { member?: unknown };
    if (body.member) emu.joinChannel(who.id, SANDBOX_CHANNEL.id);
    else emu.leaveChannel(who.id, SANDBOX_CHANNEL.id);
    await personaChanged(who);
    return c.json({ ok: true });
  });

  app.post('/api/personas/:id/block', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { blocked?: unknown };
    if (body.blocked) emu.blockBot(who.id);
    else emu.unblockBot(who.id);
    await personaChanged(who);
    return c.json({ ok: true });
  });

  app.post('/api/personas/:id/language', async (c) => {
    const who = persona(c.req.param('id'));
    if (!who) return c.json({ error: 'unknown persona' }, 404);
    const body = (await c.req.json().catch(() => ({}))) as { languageCode?: unknown };
    if (typeof body.languageCode !== 'string' || !LANGUAGES.includes(body.languageCode)) {
      return c.json({ error: `languageCode must be one of ${LANGUAGES.join(', ')}` }, 400);
    }
    emu.setUserLanguage(who.id, body.languageCode);
    await personaChanged(who);
    // The command menu a client shows depends on its language.
    broadcast('commands', {});
    return c.json({ ok: true });
  });

  app.post('/api/reset', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { confirm?: unknown };
    if (body.confirm !== true) return c.json({ error: 'confirm: true is required' }, 400);
    if (resetting) return c.json({ error: 'the demo is being reset already' }, 409);
    resetting = true;
    try {
      await options.reset();
    } catch (error) {
      return c.json(failure(error), 500);
    } finally {
      resetting = false;
    }
    for (const p of PERSONAS) await roleOf(p);
    broadcast('reset', {});
    return c.json({ ok: true });
  });

  app.get('/api/events', (c) =>
    streamSSE(c, async (stream) => {
      streams.add(stream);
      // One write at a time, in order: events can fire faster than the socket drains.
      let queue = Promise.resolve();
      const listener: Listener = (event, data) => {
        queue = queue
          .then(() => stream.writeSSE({ event, data: JSON.stringify(data) }))
          .catch(() => undefined);
      };
      listeners.add(listener);
      let closed = false;
      stream.onAbort(() => {
        closed = true;
        listeners.delete(listener);
        streams.delete(stream);
      });
      listener('hello', {});
      while (!closed) {
        await stream.sleep(15_000);
        if (!closed) listener('ping', {});
      }
    }),
  );

  return {
    app,
    closeStreams() {
      clearTimeout(roleCheck);
      roleCheck = undefined;
      for (const stream of streams) stream.abort();
      streams.clear();
      listeners.clear();
    },
  };
}
