// One conversation's transcript: what the customer, the bot and agents said, internal notes, and what
// happened to the case (claimed, transferred, closed), oldest first.
import { el, formatTime } from './dom.js';

// Activities other than messages (a join, an end) come through as "[type name]"; they say nothing to an agent.
const nonMessage = /^\[[A-Za-z]+( [^\]]*)?\]$/;

// The transcript follows new lines while the agent is at its end, and stays put while they read back.
export function followTranscript(list) {
  list.addEventListener('scroll', () => {
    list.dataset.follow = String(list.scrollHeight - list.scrollTop - list.clientHeight < 40);
  });
}

export function renderTranscript(list, lines) {
  const follow = list.dataset.follow !== 'false';
  list.replaceChildren(...lines.filter((line) => !isNonMessage(line)).map(renderLine));
  if (follow) {
    list.scrollTop = list.scrollHeight;
  }
}

// A newly opened conversation starts at its end.
export function forgetScroll(list) {
  delete list.dataset.follow;
}

function isNonMessage(line) {
  return line.from !== 'note' && nonMessage.test(line.text || '') && !(line.attachments || []).length;
}

function renderLine(line) {
  const text = line.text || '';
  if (line.from === 'note' && line.kind && line.kind !== 'note') {
    return el('li', { className: 'line event' }, el('span', {}, text), ' ', el('time', { datetime: line.at }, formatTime(line.at)));
  }

  return el('li', { className: 'line from-' + line.from, dataset: { from: line.from } },
    el('div', { className: 'line-head' },
      el('span', { className: 'line-who' }, who(line)),
      ' ',
      el('time', { datetime: line.at }, formatTime(line.at)),
      delivery(line.delivery)),
    text ? el('p', { className: 'line-text' }, text) : null,
    (line.attachments || []).map(attachment));
}

function who(line) {
  switch (line.from) {
    case 'customer':
      return line.name || 'Customer';
    case 'agent':
      return line.name || 'Agent';
    case 'note':
      return 'Internal note' + (line.name ? ' · ' + line.name : '');
    default:
      return 'Bot';
  }
}

function delivery(status) {
  if (status === 'failed') {
    return el('span', { className: 'delivery failed' }, ' · not delivered');
  }

  return status === 'pending' ? el('span', { className: 'delivery' }, ' · sending…') : null;
}

// A photo from this host (a web chat upload) shows as a thumbnail; anything else is a plain link, and
// only http(s) links are made at all, so an attachment cannot carry a script address.
function attachment(file) {
  const url = safeUrl(file.url);
  const name = file.name || file.contentType || 'attachment';
  if (!url) {
    return el('p', { className: 'attachment' }, '📎 ' + name);
  }

  const link = el('a', { className: 'attachment', href: url.href, target: '_blank', rel: 'noopener noreferrer' });
  if (/^image\//.test(file.contentType || '') && url.origin === location.origin) {
    link.append(el('img', { src: url.href, alt: name, loading: 'lazy' }));
  } else {
    link.append('📎 ' + name);
  }

  return link;
}

function safeUrl(value) {
  if (!value) {
    return null;
  }

  try {
    const url = new URL(value, location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}
