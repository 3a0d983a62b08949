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

function messageElement(m) {
  const el = document.createElement('article');
  el.className = `message from-${m.sender}`;
  el.dataset.testid = 'message';
  el.dataset.id = String(m.id);
  el.dataset.sender = m.sender;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
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
  if (m.inlineKeyboard && m.inlineKeyboard.length > 0) {
    const keyboard = document.createElement('div');
    keyboard.className = 'inline-keyboard';
    keyboard.dataset.testid = 'inline-keyboard';
    for (const row of m.inlineKeyboard) {
      const rowEl = document.createElement('div');
      rowEl.className = 'row';
      for (const button of row) {
        const b = document.createElement('button');
        b.className = 'inline-button';
        b.dataset.testid = 'inline-button';
        b.textContent = button.text;
        if (button.data !== undefined) {
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
  if (state.current !== id) cancelReply();
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
  void sendText(text);
});

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
