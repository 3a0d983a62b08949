// Renders a Telegram message (text + entities) as DOM nodes. No HTML string is ever parsed: text goes in
// through text nodes, and only a fixed set of elements is created, so whatever the bot or a user wrote
// cannot inject markup. Offsets are UTF-16 code units, like JavaScript strings.

const SAFE_LINK = /^(https?:|tg:|mailto:)/i;

const TAGS = {
  bold: 'b',
  italic: 'i',
  underline: 'u',
  strikethrough: 's',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  expandable_blockquote: 'blockquote',
  spoiler: 'span',
  text_link: 'a',
  url: 'a',
  email: 'a',
  mention: 'span',
  hashtag: 'span',
  cashtag: 'span',
  bot_command: 'span',
  phone_number: 'span',
  text_mention: 'span',
  custom_emoji: 'span',
};

function linkTarget(entity, slice) {
  if (entity.type === 'text_link') return entity.url ?? '';
  if (entity.type === 'email') return `mailto:${slice}`;
  return /^[a-z][a-z0-9+.-]*:/i.test(slice) ? slice : `https://${slice}`;
}

/** The element for one entity (or null for an unknown type: its text is kept plain). */
function elementFor(entity, slice, handlers) {
  const tag = TAGS[entity.type];
  if (!tag) return null;
  const el = document.createElement(tag);
  el.dataset.entity = entity.type;
  switch (entity.type) {
    case 'text_link':
    case 'url':
    case 'email': {
      const href = linkTarget(entity, slice);
      if (SAFE_LINK.test(href)) {
        el.setAttribute('href', href);
        el.setAttribute('target', '_blank');
        el.setAttribute('rel', 'noopener noreferrer');
        // The page may take the click (a t.me link to the bot opens in the sandbox, not in a new tab).
        el.addEventListener('click', (event) => handlers.link?.(href, event));
      }
      break;
    }
    case 'spoiler':
      el.className = 'spoiler';
      el.addEventListener('click', () => el.classList.add('revealed'), { once: true });
      break;
    case 'bot_command':
      el.className = 'command';
      el.setAttribute('role', 'button');
      el.addEventListener('click', () => handlers.command?.(slice.split('@')[0]));
      break;
    case 'mention':
    case 'hashtag':
    case 'cashtag':
    case 'text_mention':
      el.className = 'mention';
      break;
    case 'expandable_blockquote':
      el.className = 'expandable';
      el.addEventListener('click', () => el.classList.toggle('expanded'));
      break;
    default:
  }
  return el;
}

function build(parent, text, entities, start, end, handlers) {
  let pos = start;
  let i = 0;
  while (i < entities.length) {
    const entity = entities[i];
    const from = Math.max(entity.offset, pos);
    const to = Math.min(entity.offset + entity.length, end);
    if (from > pos) parent.append(text.slice(pos, from));
    // Entities that start inside this one are its children (clipped to it if they overflow).
    const children = [];
    let j = i + 1;
    while (j < entities.length && entities[j].offset < to) {
      const child = entities[j];
      children.push({ ...child, length: Math.min(child.offset + child.length, to) - child.offset });
      j++;
    }
    if (to > from) {
      const el = elementFor(entity, text.slice(from, to), handlers);
      if (el && entity.type === 'pre') {
        const code = document.createElement('code');
        if (entity.language) code.dataset.language = entity.language;
        el.append(code);
        build(code, text, children, from, to, handlers);
        parent.append(el);
      } else if (el) {
        build(el, text, children, from, to, handlers);
        parent.append(el);
      } else {
        build(parent, text, children, from, to, handlers);
      }
      pos = to;
    }
    i = j;
  }
  if (pos < end) parent.append(text.slice(pos, end));
}

/**
 * Appends `text` formatted by `entities` to `container`. `handlers.command(name)` is called when a
 * /command in the text is clicked, `handlers.link(href, event)` when a link is (it may call
 * `event.preventDefault()` to keep the link from opening a tab).
 */
export function renderText(container, text, entities = [], handlers = {}) {
  const sorted = [...entities]
    .filter((e) => Number.isInteger(e.offset) && Number.isInteger(e.length) && e.length > 0)
    .sort((a, b) => a.offset - b.offset || b.length - a.length);
  build(container, text, sorted, 0, text.length, handlers);
}
