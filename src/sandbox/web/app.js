// The sandbox page: a Telegram-like chat per persona, driven through /api/* and kept live by /api/events.
import { renderText } from './render.js';

const $ = (id) => document.getElementById(id);
const app = $('app');
const ui = {
  personaList: $('persona-list'),
  botName: $('bot-name'),
  connection: $('connection'),
  chatName: $('chat-name'),
  chatStatus: $('chat-status'),
  chatAvatar: $('chat-avatar'),
  toggles: $('toggles'),
  toggleChannel: $('toggle-channel'),
  toggleChannelLabel: $('toggle-channel-label'),
  toggleBlock: $('toggle-block'),
  messages: $('messages'),
  startBar: $('start-bar'),
  blockedBar: $('blocked-bar'),
  readonlyBar: $('readonly-bar'),
  bottom: $('bottom'),
  composer: $('composer'),
  input: $('composer-input'),
  photoInput: $('photo-input'),
  menuButton: $('menu-button'),
  commandMenu: $('command-menu'),
  replyKeyboard: $('reply-keyboard'),
  empty: $('empty'),
  toast: $('toast'),
  alert: $('alert'),
  alertText: $('alert-text'),
  language: $('persona-language'),
  replyBar: $('reply-bar'),
  replyBarText: $('reply-bar-text'),
  resetButton: $('reset-demo'),
  resetDialog: $('reset-dialog'),
  picker: $('persona-picker'),
  pickerLink: $('picker-link'),
  pickerList: $('picker-list'),
  viewer: $('photo-viewer'),
  viewerImage: $('photo-viewer-image'),
  inlineResults: $('inline-results'),
  paySheet: $('pay-sheet'),
};

const state = {
  world: null,
  /** persona id → persona state from the server */
  personas: new Map(),
  /** the open chat: a persona id or the channel id */
  current: null,
  commands: [],
  unread: new Map(),
  typingTimer: null,
  /** live changes to the open chat that arrive while its history loads */
  pending: [],
  /** the message the next one answers (Telegram's "Reply"): { id, text } */
  replyTo: null,
  /** whether the chat is scrolled to its end: then it stays there as pictures load */
  atBottom: true,
};

const isChannel = (id) => state.world && id === state.world.channel.id;
const currentPersona = () => state.personas.get(state.current);

async function api(path, options = {}) {
  const init = { ...options };
  if (options.json !== undefined) {
    init.method = 'POST';
    init.headers = { 'content-type': 'application/json' };
    init.body = JSON.stringify(options.json);
  }
  const response = await fetch(path, init);
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.error || `HTTP ${response.status}`);
  return body;
}

// ---------------------------------------------------------------------------------------------------
// Notifications
// ---------------------------------------------------------------------------------------------------

let toastTimer = null;
function toast(text) {
  ui.toast.textContent = text;
  ui.toast.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => {
    ui.toast.hidden = true;
  }, 3500);
}

function alertBox(text) {
  ui.alertText.textContent = text;
  if (!ui.alert.open) ui.alert.showModal();
}

function reportError(error) {
  toast(`⚠️ ${error.message}`);
}

// ---------------------------------------------------------------------------------------------------
// Side list
// ---------------------------------------------------------------------------------------------------

function initials(name) {
  return name
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function setAvatar(el, name, color) {
  el.textContent = initials(name);
  el.style.background = color;
}

const ROLE_LABEL = { customer: 'customer', owner: 'owner', admin: 'admin', support: 'agent' };

function renderPersonaList() {
  ui.personaList.replaceChildren();
  const entries = [...state.personas.values()].map((p) => ({
    id: p.id,
    name: p.name,
    about: p.about,
    color: p.color,
    role: p.role,
    testid: `persona-${p.id}`,
  }));
  entries.push({
    id: state.world.channel.id,
    name: state.world.channel.title,
    about: `@${state.world.channel.username} · channel`,
    color: '#ff7a18',
    role: 'channel',
    testid: 'chat-channel',
  });
  for (const entry of entries) {
    const item = document.createElement('button');
    item.className = 'persona';
    item.dataset.testid = entry.testid;
    item.dataset.id = String(entry.id);
    item.dataset.name = entry.name;
    if (entry.id === state.current) item.classList.add('active');
    const avatar = document.createElement('span');
    avatar.className = 'avatar';
    setAvatar(avatar, entry.name, entry.color);
    const text = document.createElement('span');
    text.className = 'persona-text';
    const name = document.createElement('span');
    name.className = 'persona-name';
    name.textContent = entry.name;
    const role = document.createElement('span');
    role.className = `role role-${entry.role}`;
    role.textContent = ROLE_LABEL[entry.role] ?? '';
    if (role.textContent) name.append(' ', role);
    const about = document.createElement('span');
    about.className = 'persona-about';
    about.textContent = entry.about;
    text.append(name, about);
    item.append(avatar, text);
    const unread = state.unread.get(entry.id) ?? 0;
    if (unread > 0) {
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.dataset.testid = 'unread-badge';
      badge.textContent = String(unread);
      item.append(badge);
    }
    item.addEventListener('click', () => openChat(entry.id));
    ui.personaList.append(item);
  }
}

// ---------------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------------

/** A message's time in the studio's time zone (TIMEZONE), as the bot's own texts give times. */
function formatTime(unix) {
  return new Date(unix * 1000).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: state.world?.timezone,
  });
}

/** Where a Telegram link points: { username, start } for t.me/<name> and tg://resolve, else null. */
function telegramTarget(href) {
  let url;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol === 'tg:') {
    const domain = url.searchParams.get('domain');
    return domain ? { username: domain.toLowerCase(), start: url.searchParams.get('start') } : null;
  }
  if (!['t.me', 'telegram.me', 'www.t.me'].includes(url.hostname)) return null;
  const name = /^\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  return name ? { username: name.toLowerCase(), start: url.searchParams.get('start') } : { username: '' };
}

function onLinkClick(href, event) {
  if (!telegramTarget(href)) return;
  event.preventDefault();
  void openLink(href);
}

/** An amount in the smallest units of its currency, written as the persona's app would (Stars: ⭐ N). */
function formatAmount(currency, amount, exp) {
  if (currency === 'XTR') return `⭐ ${amount}`;
  const value = amount / 10 ** exp;
  try {
    return new Intl.NumberFormat(currentPersona()?.languageCode || 'en', {
      style: 'currency',
      currency,
      minimumFractionDigits: exp,
      maximumFractionDigits: exp,
    }).format(value);
  } catch {
    return `${value.toFixed(exp)} ${currency}`;
  }
}

/** A payment or a refund: a centred line, as Telegram shows service messages. */
function serviceElement(m) {
  const el = document.createElement('article');
  el.className = 'message service-line';
  el.dataset.testid = 'message';
  el.dataset.id = String(m.id);
  el.dataset.sender = m.sender;
  el.dataset.service = m.service.kind;
  const line = document.createElement('span');
  line.dataset.testid = 'service-text';
  const amount = formatAmount(m.service.currency, m.service.totalAmount, m.service.exp);
  const bot = state.world?.bot.name ?? 'the bot';
  line.textContent =
    m.service.kind === 'payment'
      ? `You successfully transferred ${amount} to ${bot}`
      : `${bot} refunded ${amount} to you`;
  el.append(line);
  return el;
}

function photoPlaceholder(url) {
  const box = document.createElement('div');
  box.className = 'photo-placeholder';
  box.dataset.testid = 'photo-placeholder';
  box.title = url;
  box.textContent = '🖼';
  return box;
}

/** The invoice's body: the photo, the title, the description and the total. */
function invoiceElement(m, bubble) {
  const inv = m.invoice;
  if (inv.photoUrl) {
    const img = document.createElement('img');
    img.className = 'photo';
    img.dataset.testid = 'invoice-photo';
    img.alt = inv.title;
    if (inv.photoSize) {
      img.width = inv.photoSize.width;
      img.height = inv.photoSize.height;
    }
    // The page loads nothing from the internet: a photo elsewhere is shown as a placeholder.
    img.addEventListener('error', () => img.replaceWith(photoPlaceholder(inv.photoUrl)));
    img.src = inv.photoUrl;
    bubble.append(img);
  }
  const box = document.createElement('div');
  box.className = 'invoice';
  box.dataset.testid = 'invoice';
  const title = document.createElement('div');
  title.className = 'invoice-title';
  title.dataset.testid = 'invoice-title';
  title.textContent = inv.title;
  const description = document.createElement('div');
  description.className = 'invoice-description';
  description.textContent = inv.description;
  const total = document.createElement('div');
  total.className = 'invoice-total';
  total.dataset.testid = 'invoice-total';
  total.textContent = `${formatAmount(inv.currency, inv.totalAmount, inv.exp)} · ${inv.currency === 'XTR' ? 'Telegram Stars' : 'Test invoice'}`;
  box.append(title, description, total);
  bubble.append(box);
}

function messageElement(m) {
  if (m.service) return serviceElement(m);
  const el = document.createElement('article');
  el.className = `message from-${m.sender}`;
  el.dataset.testid = 'message';
  el.dataset.id = String(m.id);
  el.dataset.sender = m.sender;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  if (m.viaBot) {
    const via = document.createElement('div');
    via.className = 'via';
    via.dataset.testid = 'via-bot';
    via.textContent = `via @${m.viaBot}`;
    bubble.append(via);
  }
  if (m.reply) {
    const quote = document.createElement('button');
    quote.type = 'button';
    quote.className = 'reply-quote';
    quote.dataset.testid = 'reply-quote';
    quote.dataset.replyTo = String(m.reply.id);
    const author = document.createElement('span');
    author.className = 'reply-author';
    author.textContent = authorOf(m.reply.sender, m.chatId);
    quote.append(author, m.reply.text);
    quote.addEventListener('click', () => showMessage(m.reply.id));
    bubble.append(quote);
  }
  if (m.photo) {
    const img = document.createElement('img');
    img.className = 'photo';
    img.dataset.testid = 'message-photo';
    img.alt = 'photo';
    // Its place is kept before it loads, so the chat's end (a card's price and buttons) stays in view.
    if (m.photoSize) {
      img.width = m.photoSize.width;
      img.height = m.photoSize.height;
    }
    img.addEventListener('load', () => {
      if (state.atBottom) scrollToEnd();
    });
    img.addEventListener('click', () => openPhoto(img.src));
    img.src = `/api/files/${encodeURIComponent(m.photo)}`;
    bubble.append(img);
  }
  if (m.document) {
    const doc = document.createElement('a');
    doc.className = 'document';
    doc.href = `/api/files/${encodeURIComponent(m.document.fileId)}`;
    doc.setAttribute('download', m.document.name);
    doc.textContent = `📄 ${m.document.name}`;
    bubble.append(doc);
  }
  if (m.invoice) invoiceElement(m, bubble);
  if (m.text !== undefined) {
    const text = document.createElement('div');
    text.className = 'text';
    text.dataset.testid = 'message-text';
    renderText(text, m.text, m.entities ?? [], { command: (c) => sendText(c), link: onLinkClick });
    bubble.append(text);
  }
  const meta = document.createElement('span');
  meta.className = 'meta';
  meta.dataset.testid = 'message-time';
  meta.textContent = `${m.edited ? 'edited ' : ''}${formatTime(m.date)}`;
  bubble.append(meta);
  el.append(bubble);
  if (!isChannel(m.chatId)) {
    // Telegram's "Reply": the next message answers this one (agents answer a customer's message this way).
    const reply = document.createElement('button');
    reply.type = 'button';
    reply.className = 'reply-button-small';
    reply.dataset.testid = 'reply-to';
    reply.textContent = '↩ Reply';
    reply.addEventListener('click', () => startReply(m));
    bubble.addEventListener('dblclick', () => startReply(m));
    el.append(reply);
  }
  // An invoice without a keyboard gets Telegram's own Pay button.
  const rows =
    m.inlineKeyboard && m.inlineKeyboard.length > 0
      ? m.inlineKeyboard
      : m.invoice
        ? [
            [
              {
                text: `Pay ${formatAmount(m.invoice.currency, m.invoice.totalAmount, m.invoice.exp)}`,
                pay: true,
              },
            ],
          ]
        : [];
  if (rows.length > 0) {
    const keyboard = document.createElement('div');
    keyboard.className = 'inline-keyboard';
    keyboard.dataset.testid = 'inline-keyboard';
    for (const row of rows) {
      const rowEl = document.createElement('div');
      rowEl.className = 'row';
      for (const button of row) {
        const b = document.createElement('button');
        b.className = 'inline-button';
        b.dataset.testid = 'inline-button';
        b.textContent = button.text;
        if (button.pay && m.invoice) {
          b.classList.add('pay');
          b.dataset.testid = 'pay-button';
          if (m.invoice.paid) {
            b.textContent = '✓ Paid';
            b.disabled = true;
          } else {
            b.addEventListener('click', () => openPayment(m));
          }
        } else if (button.switchInline !== undefined) {
          b.classList.add('switch-inline');
          b.addEventListener('click', () => fillInline(button.switchInline));
        } else if (button.data !== undefined) {
          b.dataset.data = button.data;
          b.addEventListener('click', () => press(m.id, button.data, b));
        } else if (button.url !== undefined) {
          b.classList.add('url');
          b.dataset.url = button.url;
          b.addEventListener('click', () => openLink(button.url));
        } else {
          b.disabled = true;
        }
        rowEl.append(b);
      }
      keyboard.append(rowEl);
    }
    el.append(keyboard);
  }
  return el;
}

function scrollToEnd() {
  ui.messages.scrollTop = ui.messages.scrollHeight;
  state.atBottom = true;
}

ui.messages.addEventListener('scroll', () => {
  const { scrollHeight, scrollTop, clientHeight } = ui.messages;
  state.atBottom = scrollHeight - scrollTop - clientHeight < 40;
});

function authorOf(sender, chatId) {
  if (sender === 'bot') return state.world?.bot.name ?? 'Bot';
  return state.personas.get(chatId)?.name ?? 'You';
}

/** Scrolls to a message and marks it for a moment (a reply's quote was clicked). */
function showMessage(id) {
  const target = ui.messages.querySelector(`[data-testid="message"][data-id="${id}"]`);
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.classList.add('highlight');
  setTimeout(() => target.classList.remove('highlight'), 1200);
}

function startReply(m) {
  state.replyTo = { id: m.id, text: m.text ?? (m.photo ? '🖼 Photo' : '') };
  ui.replyBarText.textContent = state.replyTo.text.replace(/\s+/g, ' ');
  ui.replyBar.hidden = false;
  ui.input.focus();
}

function cancelReply() {
  state.replyTo = null;
  ui.replyBar.hidden = true;
}

/** The message being answered, taken once: it goes with the next text or photo. */
function takeReply() {
  const id = state.replyTo?.id;
  cancelReply();
  return id;
}

function openPhoto(src) {
  ui.viewerImage.src = src;
  if (!ui.viewer.open) ui.viewer.showModal();
}
ui.viewer.addEventListener('click', () => ui.viewer.close());

function appendMessage(m) {
  const existing = ui.messages.querySelector(`[data-testid="message"][data-id="${m.id}"]`);
  if (existing) existing.replaceWith(messageElement(m));
  else ui.messages.append(messageElement(m));
  scrollToEnd();
}

function renderReplyKeyboard(keyboard) {
  ui.replyKeyboard.replaceChildren();
  ui.replyKeyboard.hidden = !keyboard || isChannel(state.current);
  ui.input.placeholder = keyboard?.placeholder || 'Message';
  if (!keyboard) return;
  for (const row of keyboard.rows) {
    const rowEl = document.createElement('div');
    rowEl.className = 'row';
    for (const text of row) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'reply-button';
      b.dataset.testid = 'reply-button';
      b.textContent = text;
      b.addEventListener('click', () => sendText(text));
      rowEl.append(b);
    }
    ui.replyKeyboard.append(rowEl);
  }
}

function renderCommands() {
  ui.commandMenu.replaceChildren();
  ui.menuButton.hidden = state.commands.length === 0;
  for (const c of state.commands) {
    const item = document.createElement('button');
    item.type = 'button';
    item.className = 'command-item';
    item.dataset.testid = 'command-item';
    item.dataset.command = c.command;
    const name = document.createElement('span');
    name.className = 'command-name';
    name.textContent = `/${c.command}`;
    const description = document.createElement('span');
    description.className = 'command-description';
    description.textContent = c.description;
    item.append(name, description);
    item.addEventListener('click', () => {
      ui.commandMenu.hidden = true;
      void sendText(`/${c.command}`);
    });
    ui.commandMenu.append(item);
  }
}

function renderChrome() {
  const id = state.current;
  const persona = currentPersona();
  ui.empty.hidden = id !== null;
  app.dataset.chat = id === null ? '' : String(id);
  if (id === null) return;
  if (persona) {
    ui.chatName.textContent = persona.name;
    ui.chatStatus.textContent = `${persona.about} · talking to @${state.world.bot.username}`;
    setAvatar(ui.chatAvatar, persona.name, persona.color);
    ui.toggles.hidden = false;
    ui.toggleChannel.checked = persona.inChannel;
    ui.toggleChannelLabel.textContent = `In @${state.world.channel.username}`;
    ui.toggleBlock.checked = persona.blocked;
    renderLanguage(persona);
    ui.startBar.hidden = persona.started || persona.blocked;
    ui.blockedBar.hidden = !persona.blocked;
    ui.bottom.hidden = !persona.started || persona.blocked;
    ui.readonlyBar.hidden = true;
  } else {
    const channel = state.world.channel;
    ui.chatName.textContent = channel.title;
    ui.chatStatus.textContent = `@${channel.username} · channel`;
    setAvatar(ui.chatAvatar, channel.title, '#ff7a18');
    ui.toggles.hidden = true;
    ui.startBar.hidden = true;
    ui.blockedBar.hidden = true;
    ui.bottom.hidden = true;
    ui.readonlyBar.hidden = false;
  }
}

function renderLanguage(persona) {
  const names = { ru: 'RU · Русский', en: 'EN · English' };
  ui.language.replaceChildren(
    ...state.world.languages.map((code) => {
      const option = document.createElement('option');
      option.value = code;
      option.textContent = names[code] ?? code;
      return option;
    }),
  );
  ui.language.value = persona.languageCode;
}

async function openChat(id) {
  if (state.current !== id) {
    cancelReply();
    hideInline();
  }
  state.current = id;
  state.unread.delete(id);
  app.dataset.view = 'chat';
  ui.commandMenu.hidden = true;
  renderPersonaList();
  renderChrome();
  ui.messages.replaceChildren();
  ui.messages.dataset.loading = 'true';
  state.pending = [];
  const chat = await api(`/api/chats/${id}`);
  if (state.current !== id) return;
  ui.messages.replaceChildren(...chat.messages.map(messageElement));
  delete ui.messages.dataset.loading;
  // Changes that arrived while the chat was loading.
  for (const apply of state.pending.splice(0)) apply();
  state.commands = chat.commands;
  renderCommands();
  renderReplyKeyboard(chat.replyKeyboard);
  scrollToEnd();
  if (currentPersona()?.started) ui.input.focus({ preventScroll: true });
}

async function refreshCommands() {
  const id = state.current;
  if (id === null || isChannel(id)) return;
  const chat = await api(`/api/chats/${id}`);
  if (state.current !== id) return;
  state.commands = chat.commands;
  renderCommands();
}

// ---------------------------------------------------------------------------------------------------
// Actions
// ---------------------------------------------------------------------------------------------------

async function sendText(text) {
  const id = state.current;
  if (id === null || isChannel(id) || !text.trim()) return;
  const replyTo = takeReply();
  try {
    await api(`/api/personas/${id}/text`, { json: { text, ...(replyTo ? { replyTo } : {}) } });
  } catch (error) {
    reportError(error);
  }
}

async function sendPhoto(file, caption) {
  const id = state.current;
  const form = new FormData();
  form.set('photo', file);
  if (caption) form.set('caption', caption);
  const replyTo = takeReply();
  if (replyTo) form.set('replyTo', String(replyTo));
  const response = await fetch(`/api/personas/${id}/photo`, { method: 'POST', body: form });
  if (!response.ok) {
    const body = await response.json().catch(() => ({}));
    throw new Error(body.error || `HTTP ${response.status}`);
  }
}

async function press(messageId, data, button) {
  button.classList.add('pending');
  setTimeout(() => button.classList.remove('pending'), 4000);
  try {
    await api(`/api/personas/${state.current}/press`, { json: { messageId, data } });
  } catch (error) {
    button.classList.remove('pending');
    reportError(error);
  }
}

/**
 * A link clicked in a message or a URL button. A link to the bot (t.me/<bot>?start=…) is a deep link
 * opened in the sandbox as the persona picked (an invite in the owner's chat is meant for someone
 * else); a link to the channel joins it; other Telegram links stay in the page; the rest open a tab.
 */
async function openLink(url) {
  const target = telegramTarget(url);
  try {
    if (target && target.username === state.world.bot.username.toLowerCase()) {
      const who = await pickPersona(url);
      if (who === null) return;
      await api(`/api/personas/${who}/open-link`, { json: { url } });
      if (who !== state.current) await openChat(who);
      return;
    }
    const channel = state.world.channel.username.toLowerCase();
    if (target?.username === channel && currentPersona()) {
      const result = await api(`/api/personas/${state.current}/open-link`, { json: { url } });
      if (result.action === 'joined-channel') toast(`Joined @${state.world.channel.username}`);
    } else if (target?.username === channel) {
      toast(`This is @${state.world.channel.username}`);
    } else if (target) {
      toast(`${url} is outside the sandbox`);
    } else {
      window.open(url, '_blank', 'noopener,noreferrer');
    }
  } catch (error) {
    reportError(error);
  }
}

/** Asks who opens a deep link; resolves with a persona id, or null when cancelled. */
function pickPersona(url) {
  ui.pickerLink.textContent = url;
  ui.pickerList.replaceChildren();
  return new Promise((resolve) => {
    let picked = null;
    for (const p of state.personas.values()) {
      const item = document.createElement('button');
      item.type = 'button';
      item.dataset.testid = `pick-persona-${p.id}`;
      const avatar = document.createElement('span');
      avatar.className = 'avatar';
      setAvatar(avatar, p.name, p.color);
      const label = document.createElement('span');
      label.textContent = p.id === state.current ? `${p.name} (this chat)` : p.name;
      const role = document.createElement('span');
      role.className = `role role-${p.role}`;
      role.textContent = ROLE_LABEL[p.role] ?? '';
      label.append(' ', role);
      item.append(avatar, label);
      item.addEventListener('click', () => {
        picked = p.id;
        ui.picker.close();
      });
      ui.pickerList.append(item);
    }
    ui.picker.addEventListener('close', () => resolve(picked), { once: true });
    ui.picker.showModal();
  });
}

ui.composer.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = ui.input.value;
  if (!text.trim()) return;
  ui.input.value = '';
  autosize();
  hideInline();
  void sendText(text);
});

// ---------------------------------------------------------------------------------------------------
// Inline mode: "@bot query" in the composer asks the bot; its results are listed above the composer
// ---------------------------------------------------------------------------------------------------

const inline = { timer: null, seq: 0 };

/** The query when the composer starts with "@<bot> ", else null. */
function inlineQueryOf(text) {
  const bot = state.world?.bot.username;
  if (!bot) return null;
  const prefix = `@${bot.toLowerCase()} `;
  return text.toLowerCase().startsWith(prefix) ? text.slice(prefix.length) : null;
}

function hideInline() {
  clearTimeout(inline.timer);
  inline.seq++;
  ui.inlineResults.hidden = true;
  ui.inlineResults.replaceChildren();
}

function scheduleInline() {
  clearTimeout(inline.timer);
  const query = inlineQueryOf(ui.input.value);
  if (query === null || !currentPersona()) {
    hideInline();
    return;
  }
  inline.timer = setTimeout(() => void runInline(query, ''), 300);
}

/** A switch_inline_query button: "@bot <query>" goes into the composer, as in Telegram. */
function fillInline(query) {
  ui.input.value = `@${state.world.bot.username} ${query}`;
  autosize();
  ui.input.focus();
  scheduleInline();
}

function inlineNote(text, testid) {
  const note = document.createElement('div');
  note.className = 'inline-note';
  note.dataset.testid = testid;
  note.textContent = text;
  return note;
}

async function runInline(query, offset) {
  const seq = ++inline.seq;
  const id = state.current;
  if (offset === '') {
    ui.inlineResults.hidden = false;
    ui.inlineResults.dataset.loading = 'true';
  }
  try {
    const answer = await api(`/api/personas/${id}/inline`, { json: { query, offset } });
    if (seq !== inline.seq || state.current !== id || inlineQueryOf(ui.input.value) !== query) return;
    renderInline(answer, query, offset !== '');
  } catch (error) {
    if (seq !== inline.seq) return;
    ui.inlineResults.replaceChildren(inlineNote(error.message, 'inline-error'));
  } finally {
    if (seq === inline.seq) delete ui.inlineResults.dataset.loading;
  }
}

function renderInline(answer, query, append) {
  const panel = ui.inlineResults;
  panel.querySelector('[data-testid="inline-more"]')?.remove();
  if (!append) {
    panel.replaceChildren();
    if (answer.button) panel.append(inlineButton(answer.button));
    if (answer.results.length === 0) panel.append(inlineNote('No results', 'inline-empty'));
  }
  for (const r of answer.results) panel.append(inlineResult(answer.inlineQueryId, r));
  if (answer.nextOffset) {
    const more = document.createElement('button');
    more.type = 'button';
    more.className = 'inline-more';
    more.dataset.testid = 'inline-more';
    more.textContent = 'More results';
    more.addEventListener('click', () => void runInline(query, answer.nextOffset));
    panel.append(more);
  }
  panel.hidden = false;
}

function inlineButton(button) {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'inline-switch-pm';
  b.dataset.testid = 'inline-switch-pm';
  b.textContent = button.text;
  b.addEventListener('click', () => {
    if (button.start_parameter !== undefined) {
      hideInline();
      ui.input.value = '';
      autosize();
      void api(`/api/personas/${state.current}/open-link`, {
        json: { url: `https://t.me/${state.world.bot.username}?start=${button.start_parameter}` },
      }).catch(reportError);
    } else {
      toast('Web apps are not part of the sandbox');
    }
  });
  return b;
}

function inlineResult(inlineQueryId, r) {
  const item = document.createElement('button');
  item.type = 'button';
  item.className = 'inline-result';
  item.dataset.testid = 'inline-result';
  item.dataset.id = r.id;
  const thumb = document.createElement('span');
  thumb.className = 'inline-thumb';
  if (r.thumbnail) {
    const img = document.createElement('img');
    img.alt = '';
    img.dataset.testid = 'inline-thumb';
    img.addEventListener('error', () => img.replaceWith((r.title[0] ?? '?').toUpperCase()));
    img.src = r.thumbnail;
    thumb.append(img);
  } else {
    thumb.textContent = (r.title[0] ?? '?').toUpperCase();
  }
  const text = document.createElement('span');
  text.className = 'inline-text';
  const title = document.createElement('span');
  title.className = 'inline-title';
  title.textContent = r.title;
  text.append(title);
  if (r.description) {
    const description = document.createElement('span');
    description.className = 'inline-description';
    description.textContent = r.description;
    text.append(description);
  }
  item.append(thumb, text);
  item.addEventListener('click', async () => {
    try {
      await api(`/api/personas/${state.current}/inline/choose`, { json: { inlineQueryId, resultId: r.id } });
      ui.input.value = '';
      autosize();
      hideInline();
    } catch (error) {
      reportError(error);
    }
  });
  return item;
}

ui.input.addEventListener('input', scheduleInline);
ui.input.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && !ui.inlineResults.hidden) hideInline();
});

// ---------------------------------------------------------------------------------------------------
// Payments: the Pay button opens a test payment sheet (a test card, or a Stars confirmation)
// ---------------------------------------------------------------------------------------------------

function field(label, input) {
  const wrap = document.createElement('label');
  wrap.className = 'pay-field';
  const caption = document.createElement('span');
  caption.textContent = label;
  wrap.append(caption, input);
  return wrap;
}

function textInput(testid, { placeholder = '', value = '', inputMode, autocomplete = 'off' } = {}) {
  const input = document.createElement('input');
  input.dataset.testid = testid;
  input.placeholder = placeholder;
  input.value = value;
  input.autocomplete = autocomplete;
  if (inputMode) input.inputMode = inputMode;
  return input;
}

function priceRow(label, amount, testid) {
  const row = document.createElement('div');
  row.className = 'pay-row';
  if (testid) row.dataset.testid = testid;
  const name = document.createElement('span');
  name.textContent = label;
  const value = document.createElement('span');
  value.textContent = amount;
  row.append(name, value);
  return row;
}

function openPayment(m) {
  const inv = m.invoice;
  const personaId = state.current;
  const persona = currentPersona();
  if (!inv || inv.paid || !persona) return;
  const stars = inv.currency === 'XTR';
  const money = (amount) => formatAmount(inv.currency, amount, inv.exp);
  const sheet = ui.paySheet;
  sheet.replaceChildren();
  sheet.dataset.kind = stars ? 'stars' : 'card';
  const form = document.createElement('form');
  form.className = 'pay-form';
  form.dataset.testid = 'pay-form';
  const heading = document.createElement('h3');
  heading.textContent = stars ? 'Confirm your purchase' : 'Checkout';
  form.append(heading);
  const what = document.createElement('p');
  what.className = 'pay-what';
  const title = document.createElement('b');
  title.textContent = inv.title;
  what.append(title, document.createElement('br'), inv.description);
  form.append(what);

  let tip = 0;
  const totalRow = priceRow('Total', money(inv.totalAmount), 'pay-total');
  const submit = document.createElement('button');
  submit.type = 'submit';
  submit.className = 'pay-submit';
  submit.dataset.testid = 'pay-submit';
  const refresh = () => {
    totalRow.lastChild.textContent = money(inv.totalAmount + tip);
    submit.textContent = `Pay ${money(inv.totalAmount + tip)}`;
  };
  if (!stars) for (const p of inv.prices) form.append(priceRow(p.label, money(p.amount)));
  if (inv.maxTipAmount > 0) {
    const tips = document.createElement('div');
    tips.className = 'pay-tips';
    tips.dataset.testid = 'pay-tips';
    for (const amount of [0, ...inv.suggestedTipAmounts]) {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = amount === 0 ? 'No tip' : money(amount);
      b.dataset.amount = String(amount);
      if (amount === 0) b.classList.add('chosen');
      b.addEventListener('click', () => {
        tip = amount;
        for (const other of tips.children) other.classList.toggle('chosen', other === b);
        refresh();
      });
      tips.append(b);
    }
    const tipField = document.createElement('div');
    tipField.className = 'pay-field';
    const tipLabel = document.createElement('span');
    tipLabel.textContent = 'Tip';
    tipField.append(tipLabel, tips);
    form.append(tipField);
  }
  form.append(totalRow);

  const info = {};
  if (inv.need.name) info.name = textInput('pay-name', { value: persona.name, autocomplete: 'name' });
  if (inv.need.email)
    info.email = textInput('pay-email', { placeholder: 'name@example.com', autocomplete: 'email' });
  if (inv.need.phone)
    info.phone = textInput('pay-phone', { placeholder: '+7 900 000-00-00', inputMode: 'tel' });
  if (info.name) form.append(field('Name', info.name));
  if (info.email) form.append(field('Email', info.email));
  if (info.phone) form.append(field('Phone', info.phone));
  if (inv.need.shipping)
    form.append(inlineNote('A test shipping address is sent with the order.', 'pay-shipping'));

  const card = {};
  if (!stars) {
    card.number = textInput('card-number', { placeholder: '4242 4242 4242 4242', inputMode: 'numeric' });
    card.expiry = textInput('card-expiry', { placeholder: 'MM/YY', inputMode: 'numeric' });
    card.cvc = textInput('card-cvc', { placeholder: 'CVC', inputMode: 'numeric' });
    form.append(field('Card number', card.number));
    const pair = document.createElement('div');
    pair.className = 'pay-pair';
    pair.append(field('Expiry', card.expiry), field('CVC', card.cvc));
    form.append(pair);
  }
  const note = document.createElement('p');
  note.className = 'pay-note';
  note.dataset.testid = 'pay-note';
  note.textContent = stars
    ? 'Test Stars: nothing is charged and no Stars are spent.'
    : 'Test payment: nothing is charged. Use the card 4242 4242 4242 4242, any future date and any CVC.';
  const error = document.createElement('p');
  error.className = 'pay-error';
  error.dataset.testid = 'pay-error';
  error.hidden = true;
  const actions = document.createElement('div');
  actions.className = 'actions';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.dataset.testid = 'pay-cancel';
  cancel.addEventListener('click', () => sheet.close());
  actions.append(cancel, submit);
  form.append(note, error, actions);
  refresh();

  form.addEventListener('input', () => {
    error.hidden = true;
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    submit.textContent = 'Processing…';
    const body = {
      messageId: m.id,
      tipAmount: tip,
      orderInfo: {
        ...(info.name ? { name: info.name.value } : {}),
        ...(info.email ? { email: info.email.value } : {}),
        ...(info.phone ? { phone: info.phone.value } : {}),
      },
      ...(stars
        ? {}
        : { card: { number: card.number.value, expiry: card.expiry.value, cvc: card.cvc.value } }),
    };
    try {
      const outcome = await api(`/api/personas/${personaId}/pay`, { json: body });
      showPaymentResult(outcome, money(inv.totalAmount + tip));
    } catch (failure) {
      error.textContent = failure.message;
      error.hidden = false;
      submit.disabled = false;
      refresh();
    }
  });
  sheet.append(form);
  sheet.showModal();
  (card.number ?? submit).focus();
}

function showPaymentResult(outcome, amount) {
  const sheet = ui.paySheet;
  const result = document.createElement('div');
  result.className = 'pay-result';
  result.dataset.testid = 'pay-result';
  result.dataset.outcome = outcome.ok ? 'ok' : outcome.timedOut ? 'timeout' : 'declined';
  const head = document.createElement('h3');
  const text = document.createElement('p');
  text.dataset.testid = 'pay-result-text';
  if (outcome.ok) {
    head.textContent = '✓ Payment successful';
    text.textContent = `${amount} paid. Nothing was charged: this is a test payment.`;
  } else if (outcome.timedOut) {
    head.textContent = 'Payment failed';
    text.textContent = 'The bot did not confirm the payment in time (10 seconds).';
  } else {
    head.textContent = 'Payment declined';
    text.textContent = outcome.errorMessage;
  }
  const actions = document.createElement('form');
  actions.method = 'dialog';
  actions.className = 'actions';
  const done = document.createElement('button');
  done.type = 'submit';
  done.dataset.testid = 'pay-done';
  done.textContent = 'Done';
  actions.append(done);
  result.append(head, text, actions);
  sheet.replaceChildren(result);
}

ui.input.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    ui.composer.requestSubmit();
  }
});

function autosize() {
  ui.input.style.height = 'auto';
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 140)}px`;
}
ui.input.addEventListener('input', autosize);

$('attach-button').addEventListener('click', () => ui.photoInput.click());
ui.photoInput.addEventListener('change', async () => {
  const file = ui.photoInput.files?.[0];
  ui.photoInput.value = '';
  if (!file) return;
  const caption = ui.input.value.trim();
  ui.input.value = '';
  autosize();
  try {
    await sendPhoto(file, caption);
  } catch (error) {
    reportError(error);
  }
});

ui.menuButton.addEventListener('click', () => {
  ui.commandMenu.hidden = !ui.commandMenu.hidden;
});
document.addEventListener('click', (event) => {
  if (!ui.commandMenu.hidden && !ui.commandMenu.contains(event.target) && event.target !== ui.menuButton) {
    ui.commandMenu.hidden = true;
  }
});

$('start-button').addEventListener('click', () => sendText('/start'));
$('reply-cancel').addEventListener('click', cancelReply);
ui.input.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && state.replyTo) cancelReply();
});

ui.language.addEventListener('change', async () => {
  try {
    await api(`/api/personas/${state.current}/language`, { json: { languageCode: ui.language.value } });
  } catch (error) {
    reportError(error);
  }
});

ui.resetButton.addEventListener('click', () => {
  ui.resetDialog.returnValue = '';
  ui.resetDialog.showModal();
});
ui.resetDialog.addEventListener('close', async () => {
  if (ui.resetDialog.returnValue !== 'reset') return;
  ui.resetButton.disabled = true;
  try {
    await api('/api/reset', { json: { confirm: true } });
  } catch (error) {
    reportError(error);
  } finally {
    ui.resetButton.disabled = false;
  }
});
$('unblock-button').addEventListener('click', () => setBlocked(false));
$('back').addEventListener('click', () => {
  app.dataset.view = 'list';
});

ui.toggleChannel.addEventListener('change', async () => {
  try {
    await api(`/api/personas/${state.current}/channel`, { json: { member: ui.toggleChannel.checked } });
  } catch (error) {
    reportError(error);
  }
});
ui.toggleBlock.addEventListener('change', () => setBlocked(ui.toggleBlock.checked));

async function setBlocked(blocked) {
  try {
    await api(`/api/personas/${state.current}/block`, { json: { blocked } });
  } catch (error) {
    reportError(error);
  }
}

// ---------------------------------------------------------------------------------------------------
// Live updates
// ---------------------------------------------------------------------------------------------------

function onMessage({ message, replyKeyboard }) {
  const persona = state.personas.get(message.chatId);
  if (persona && message.sender === 'user' && !persona.started) {
    persona.started = true;
    if (message.chatId === state.current) renderChrome();
  }
  if (message.chatId === state.current && ui.messages.dataset.loading) {
    state.pending.push(() => onMessage({ message, replyKeyboard }));
  } else if (message.chatId === state.current) {
    appendMessage(message);
    if (persona) renderReplyKeyboard(replyKeyboard);
    ui.chatStatus.classList.remove('typing');
    if (persona) ui.chatStatus.textContent = `${persona.about} · talking to @${state.world.bot.username}`;
  } else if (message.sender === 'bot') {
    state.unread.set(message.chatId, (state.unread.get(message.chatId) ?? 0) + 1);
    renderPersonaList();
  }
}

function onEdit({ message }) {
  if (message.chatId !== state.current) return;
  if (ui.messages.dataset.loading) {
    state.pending.push(() => onEdit({ message }));
    return;
  }
  const existing = ui.messages.querySelector(`[data-testid="message"][data-id="${message.id}"]`);
  if (existing) existing.replaceWith(messageElement(message));
}

function onDelete({ chatId, id }) {
  if (chatId !== state.current) return;
  if (ui.messages.dataset.loading) {
    state.pending.push(() => onDelete({ chatId, id }));
    return;
  }
  ui.messages.querySelector(`[data-testid="message"][data-id="${id}"]`)?.remove();
}

function onAnswer({ userId, messageId, text, showAlert }) {
  for (const b of ui.messages.querySelectorAll(`[data-id="${messageId}"] .inline-button.pending`)) {
    b.classList.remove('pending');
  }
  if (userId !== state.current || !text) return;
  if (showAlert) alertBox(text);
  else toast(text);
}

function onTyping({ chatId }) {
  if (chatId !== state.current) return;
  ui.chatStatus.textContent = 'typing…';
  ui.chatStatus.classList.add('typing');
  clearTimeout(state.typingTimer);
  state.typingTimer = setTimeout(() => {
    ui.chatStatus.classList.remove('typing');
    renderChrome();
  }, 3000);
}

function onPersona(persona) {
  state.personas.set(persona.id, persona);
  renderPersonaList();
  if (persona.id === state.current) renderChrome();
}

async function onReset() {
  state.unread.clear();
  cancelReply();
  await loadWorld();
  if (state.current !== null) await openChat(state.current);
  toast('The demo was reset');
}

function connect() {
  const events = new EventSource('/api/events');
  const on = (name, handler) =>
    events.addEventListener(name, (e) => {
      handler(JSON.parse(e.data));
    });
  on('hello', async () => {
    ui.connection.textContent = 'live';
    ui.connection.dataset.state = 'live';
    // Catch up on anything missed while disconnected.
    await loadWorld();
    if (state.current !== null) await openChat(state.current);
  });
  on('message', onMessage);
  on('edit', onEdit);
  on('delete', onDelete);
  on('answer', onAnswer);
  on('typing', onTyping);
  on('persona', onPersona);
  on('commands', () => void refreshCommands());
  on('reset', () => void onReset());
  events.addEventListener('error', () => {
    ui.connection.textContent = 'reconnecting…';
    ui.connection.dataset.state = 'offline';
  });
}

async function loadWorld() {
  const world = await api('/api/world');
  state.world = world;
  state.personas = new Map(world.personas.map((p) => [p.id, p]));
  ui.botName.textContent = `@${world.bot.username}`;
  renderPersonaList();
  renderChrome();
}

await loadWorld();
app.dataset.ready = 'true';
connect();
