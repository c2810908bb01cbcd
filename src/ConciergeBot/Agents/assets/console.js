// The agent console: the queue and the agent's own conversations on the left, the chosen conversation
// (or the supervisor's desk overview) on the right. Everything is read over the agent API; the hub
// (SignalR at /agent/hub) only says that something changed, and the console reads it again.
import { call, loginPage } from './api.js';
import { el, byId, customerName, formatDuration, formatDateTime, formatTime, priorityName, reasonName, arrowKeysMoveWithin } from './dom.js';
import { renderTranscript, forgetScroll, followTranscript } from './transcript.js';
import { renderDesk } from './desk.js';
import { renderTickets } from './tickets.js';

// The desk counts an available agent as online for two minutes after the console was last heard from.
const heartbeatEvery = 30000;
const tickEvery = 10000;

const state = {
  me: null,
  queue: [],
  mine: [],
  listsFetchedAt: 0,
  selectedId: null,
  detail: null,
  view: 'welcome',
  unread: new Set(),
  hub: null
};

// Reloads asked for while one is running fold into a single run after it.
function coalesce(load) {
  let running = false;
  let again = false;
  return async function run() {
    if (running) {
      again = true;
      return;
    }

    running = true;
    try {
      do {
        again = false;
        await load();
      } while (again);
    } finally {
      running = false;
    }
  };
}

const refreshLists = coalesce(async () => {
  const [queue, mine] = await Promise.all([call('GET', '/queue'), call('GET', '/cases')]);
  if (queue.ok) {
    state.queue = queue.data;
  }

  if (mine.ok) {
    state.mine = mine.data;
  }

  state.listsFetchedAt = performance.now();
  renderLists();
  if (!queue.ok || !mine.ok) {
    flash((queue.ok ? mine : queue).problem);
  }
});

const refreshDetail = coalesce(async () => {
  const id = state.selectedId;
  if (!id) {
    return;
  }

  const read = await call('GET', '/cases/' + id);
  if (state.selectedId !== id) {
    return;
  }

  if (!read.ok) {
    flash(read.problem);
    return;
  }

  state.detail = read.data;
  renderCase();
  const tickets = await call('GET', '/tickets?conversation=' + encodeURIComponent(read.data.case.conversationId));
  if (state.selectedId === id && tickets.ok) {
    renderTickets(byId('case-tickets'), byId('ticket-list'), tickets.data, recordTicket);
  }
});

async function recordTicket(reference, update) {
  const done = await call('POST', '/tickets/' + encodeURIComponent(reference) + '/actions', update);
  if (done.ok) {
    flash(update.correctiveAction ? 'Recorded; the customer is told on their channel.' : 'Recorded.', 'info');
  } else {
    flash(done.problem);
  }

  await refreshDetail();
}

const refreshDesk = coalesce(async () => {
  if (state.view !== 'desk') {
    return;
  }

  const read = await call('GET', '/overview');
  if (read.ok) {
    renderDesk(read.data, openCase);
  } else {
    flash(read.problem);
  }
});

function refreshAll() {
  refreshLists();
  refreshDetail();
  refreshDesk();
}

// ---- The lists ----

function renderLists() {
  renderList(byId('queue'), byId('queue-count'), byId('queue-empty'), state.queue, queueItem);
  renderList(byId('mine'), byId('mine-count'), byId('mine-empty'), state.mine, mineItem);
}

function renderList(list, count, empty, cases, item) {
  const focused = list.contains(document.activeElement) ? document.activeElement.dataset.id : null;
  list.replaceChildren(...cases.map((c) => el('li', {}, item(c))));
  count.textContent = String(cases.length);
  empty.hidden = cases.length > 0;
  if (focused) {
    const again = list.querySelector('button[data-id="' + CSS.escape(focused) + '"]');
    if (again) {
      again.focus();
    }
  }
}

function caseButton(c, ...children) {
  return el('button', {
    type: 'button',
    className: 'case-item',
    dataset: { id: c.id },
    'aria-current': c.id === state.selectedId && state.view === 'case' ? 'true' : null,
    onclick: () => openCase(c.id)
  }, children);
}

function queueItem(c) {
  return caseButton(c,
    el('span', { className: 'case-line' },
      el('span', { className: 'case-name' }, customerName(c)),
      el('span', { className: 'wait', dataset: { waiting: String(c.waitingSeconds) } }, formatDuration(c.waitingSeconds))),
    el('span', { className: 'case-tags' },
      c.priority !== 2 ? el('span', { className: 'tag priority-' + c.priority }, priorityName(c.priority)) : null,
      el('span', { className: 'tag' }, reasonName(c.reason)),
      el('span', { className: 'tag' }, c.channel),
      el('span', { className: 'tag' }, c.language),
      el('span', { className: 'tag' }, c.team)));
}

function mineItem(c) {
  return caseButton(c,
    el('span', { className: 'case-line' },
      el('span', { className: 'case-name' }, customerName(c)),
      state.unread.has(c.id) ? el('span', { className: 'unread', title: 'New messages' }, 'new') : null),
    el('span', { className: 'case-tags' },
      el('span', { className: 'tag' }, c.channel),
      el('span', { className: 'tag' }, c.language),
      c.claimedAt ? el('span', { className: 'muted' }, 'since ' + formatTime(c.claimedAt)) : null));
}

// Waiting times move on between reads of the queue; the server's own clock is the reference.
function tick() {
  const elapsed = (performance.now() - state.listsFetchedAt) / 1000;
  for (const wait of document.querySelectorAll('#queue [data-waiting]')) {
    wait.textContent = formatDuration(Number(wait.dataset.waiting) + elapsed);
  }
}

// ---- The chosen conversation ----

function show(view) {
  state.view = view;
  byId('welcome').hidden = view !== 'welcome';
  byId('case').hidden = view !== 'case';
  byId('desk').hidden = view !== 'desk';
  byId('show-desk').setAttribute('aria-pressed', String(view === 'desk'));
}

async function openCase(id) {
  if (state.selectedId !== id) {
    state.selectedId = id;
    state.detail = null;
    forgetScroll(byId('transcript'));
    byId('composer-text').value = '';
  }

  state.unread.delete(id);
  show('case');
  renderLists();
  await refreshDetail();
}

function isMine(c) {
  return c.status === 'active' && c.agent === state.me.userName;
}

function renderCase() {
  const c = state.detail.case;
  const open = c.status === 'waiting' || c.status === 'active';
  const mine = isMine(c);
  const supervisor = state.me.role === 'supervisor';

  byId('case-title').textContent = customerName(c);
  byId('case-meta').replaceChildren(
    el('span', { className: 'status status-' + c.status }, statusText(c)),
    ' · ' + [c.channel, c.language, 'team ' + c.team, reasonName(c.reason), priorityName(c.priority) + ' priority'].join(' · '));
  byId('case-summary').textContent = c.summary || 'The bot left no summary.';

  byId('claim').hidden = c.status !== 'waiting';
  byId('transfer').hidden = !(mine || c.status === 'waiting');
  byId('resolve').hidden = !(open && (mine || supervisor));
  byId('hand-back').hidden = !(open && (mine || supervisor));

  const holder = byId('case-holder');
  holder.hidden = mine || c.status === 'waiting';
  holder.textContent = c.status === 'active'
    ? (c.agent || 'Another agent') + ' has this conversation. You can add internal notes.'
    : closedText(c);

  const composer = byId('composer');
  composer.hidden = !open;
  const reply = composer.querySelector('input[value="reply"]');
  reply.disabled = !mine;
  // Only notes until the conversation is the agent's; replies from the moment it becomes theirs.
  const wasMine = composer.dataset.caseId === c.id && composer.dataset.mine === 'true';
  if (!mine) {
    composer.querySelector('input[value="note"]').checked = true;
  } else if (!wasMine) {
    reply.checked = true;
  }

  composer.dataset.caseId = c.id;
  composer.dataset.mine = String(mine);
  placeholder();
  renderTranscript(byId('transcript'), state.detail.transcript);
}

function statusText(c) {
  switch (c.status) {
    case 'waiting':
      return 'Waiting';
    case 'active':
      return isMine(c) ? 'With you' : 'With ' + (c.agent || 'an agent');
    case 'resolved':
      return 'Resolved';
    case 'handed-back':
      return 'Back with the bot';
    case 'withdrawn':
      return 'Withdrawn by the customer';
    default:
      return c.status;
  }
}

function closedText(c) {
  const when = c.closedAt ? ' on ' + formatDateTime(c.closedAt) : '';
  return 'Closed' + when + (c.outcome ? ': ' + c.outcome : '') + '.';
}

function mode() {
  return byId('composer').querySelector('input[name="mode"]:checked').value;
}

function placeholder() {
  byId('composer-text').placeholder = mode() === 'note'
    ? 'Write an internal note (only agents see it)… (Enter adds it, Shift+Enter for a new line)'
    : 'Write to the customer… (Enter sends, Shift+Enter for a new line)';
  byId('composer').dataset.mode = mode();
}

// ---- Acting on it ----

async function act(path, body, success) {
  const id = state.selectedId;
  const done = await call('POST', '/cases/' + id + path, body);
  if (done.ok) {
    hideFlash();
    if (success) {
      success();
    }
  } else {
    flash(done.problem);
  }

  await Promise.all([refreshDetail(), refreshLists()]);
  return done.ok;
}

async function claim() {
  if (byId('claim').hidden || !state.selectedId) {
    return;
  }

  if (await act('/claim')) {
    byId('composer-text').focus();
  }
}

async function send(event) {
  event.preventDefault();
  const box = byId('composer-text');
  const text = box.value.trim();
  if (!text) {
    return;
  }

  const button = byId('composer-send');
  button.disabled = true;
  try {
    if (await act(mode() === 'note' ? '/notes' : '/messages', { text: text })) {
      box.value = '';
    }
  } finally {
    button.disabled = false;
    box.focus();
  }
}

function onComposerKey(event) {
  if (event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey && !event.isComposing) {
    send(event);
  }
}

async function openTransfer() {
  const dialog = byId('transfer-dialog');
  byId('transfer-error').hidden = true;
  byId('transfer-team').value = '';
  const agents = await call('GET', '/agents');
  const others = agents.ok ? agents.data.filter((a) => a.userName !== state.me.userName) : [];
  byId('transfer-agent').replaceChildren(
    el('option', { value: '' }, '—'),
    ...others.map((a) => el('option', { value: a.userName }, a.displayName + ' (' + a.userName + ')' + (a.online ? '' : ' · offline'))));
  const teams = new Set(others.flatMap((a) => a.teams));
  byId('transfer-teams').replaceChildren(...Array.from(teams).sort().map((t) => el('option', { value: t })));
  dialog.showModal();
}

async function transfer(event) {
  event.preventDefault();
  const agent = byId('transfer-agent').value;
  const team = byId('transfer-team').value.trim();
  if (!agent && !team) {
    dialogError('transfer-error', 'Choose an agent or name a team.');
    return;
  }

  const done = await call('POST', '/cases/' + state.selectedId + '/transfer', agent ? { agent: agent } : { team: team });
  if (!done.ok) {
    dialogError('transfer-error', done.problem);
    return;
  }

  byId('transfer-dialog').close();
  flash('Transferred.', 'info');
  refreshAll();
}

function openResolve() {
  byId('resolve-error').hidden = true;
  byId('resolve-outcome').value = '';
  byId('resolve-dialog').showModal();
}

async function resolve(event) {
  event.preventDefault();
  const outcome = byId('resolve-outcome').value.trim();
  const done = await call('POST', '/cases/' + state.selectedId + '/resolve', { outcome: outcome || null });
  if (!done.ok) {
    dialogError('resolve-error', done.problem);
    return;
  }

  byId('resolve-dialog').close();
  flash('Resolved. The bot answers the customer from now on.', 'info');
  refreshAll();
}

function handBack() {
  return act('/hand-back', undefined, () => flash('Handed back. The bot answers the customer from now on.', 'info'));
}

function dialogError(id, text) {
  const error = byId(id);
  error.textContent = text;
  error.hidden = false;
}

// ---- The agent ----

function renderMe() {
  const me = state.me;
  byId('me').textContent = me.displayName + (me.role === 'supervisor' ? ' · supervisor' : '');
  const presence = byId('presence');
  const available = me.presence === 'available';
  presence.dataset.presence = me.presence;
  presence.textContent = available ? 'Available' : 'Away';
  presence.setAttribute('aria-pressed', String(available));
  presence.setAttribute('aria-label', available ? 'Available: click to go away' : 'Away: click to become available');
  byId('show-desk').hidden = me.role !== 'supervisor';
}

async function togglePresence() {
  const next = state.me.presence === 'available' ? 'away' : 'available';
  const done = await call('PUT', '/me/presence', { presence: next });
  if (done.ok) {
    state.me.presence = next;
    renderMe();
  } else {
    flash(done.problem);
  }
}

async function signOut() {
  if (state.hub) {
    state.hub.onclose(() => {});
    await state.hub.stop().catch(() => {});
  }

  await call('POST', '/logout');
  location.assign(loginPage);
}

// ---- Messages to the agent ----

let flashTimer = null;

function flash(text, kind) {
  const box = byId('flash');
  byId('flash-text').textContent = text;
  box.dataset.kind = kind || 'error';
  box.hidden = false;
  clearTimeout(flashTimer);
  if (kind === 'info') {
    flashTimer = setTimeout(hideFlash, 6000);
  }
}

function hideFlash() {
  byId('flash').hidden = true;
}

function setConnection(status) {
  const connection = byId('connection');
  connection.dataset.state = status;
  connection.textContent = { live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline, retrying…', connecting: 'Connecting…' }[status];
}

// ---- The live line ----

function connectHub() {
  const hub = new window.signalR.HubConnectionBuilder()
    .withUrl('/agent/hub')
    .withAutomaticReconnect([0, 2000, 5000, 10000, 20000, 30000])
    .configureLogging(window.signalR.LogLevel.Warning)
    .build();
  hub.on('queueChanged', () => {
    refreshLists();
    refreshDesk();
  });
  hub.on('caseChanged', onCaseChanged);
  hub.onreconnecting(() => setConnection('reconnecting'));
  hub.onreconnected(() => {
    setConnection('live');
    refreshAll();
  });
  hub.onclose(() => retryHub());
  state.hub = hub;
  startHub();
}

async function startHub() {
  try {
    await state.hub.start();
    setConnection('live');
    // Whatever changed while the line was down.
    refreshAll();
  } catch {
    retryHub();
    // Signed out meanwhile: this read sends the browser to the sign-in page.
    call('GET', '/me');
  }
}

function retryHub() {
  setConnection('offline');
  setTimeout(startHub, 5000);
}

function onCaseChanged(id) {
  if (id === state.selectedId) {
    refreshDetail();
  } else if (state.mine.some((c) => c.id === id)) {
    state.unread.add(id);
    renderLists();
  }
}

function heartbeat() {
  if (state.hub && state.hub.state === window.signalR.HubConnectionState.Connected) {
    state.hub.invoke('Heartbeat').catch(() => {});
  } else {
    refreshAll();
  }
}

// ---- Start ----

function bindUi() {
  byId('presence').addEventListener('click', togglePresence);
  byId('sign-out').addEventListener('click', signOut);
  byId('show-desk').addEventListener('click', () => {
    show('desk');
    renderLists();
    refreshDesk();
  });
  byId('flash-close').addEventListener('click', hideFlash);
  byId('claim').addEventListener('click', claim);
  byId('transfer').addEventListener('click', openTransfer);
  byId('resolve').addEventListener('click', openResolve);
  byId('hand-back').addEventListener('click', handBack);
  byId('composer').addEventListener('submit', send);
  byId('composer-text').addEventListener('keydown', onComposerKey);
  for (const radio of document.querySelectorAll('#composer input[name="mode"]')) {
    radio.addEventListener('change', placeholder);
  }

  byId('transfer-form').addEventListener('submit', transfer);
  byId('resolve-form').addEventListener('submit', resolve);
  for (const close of document.querySelectorAll('dialog [data-close]')) {
    close.addEventListener('click', () => close.closest('dialog').close());
  }

  followTranscript(byId('transcript'));
  arrowKeysMoveWithin(byId('queue'));
  arrowKeysMoveWithin(byId('mine'));
  document.addEventListener('keydown', (event) => {
    if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'c') {
      event.preventDefault();
      claim();
    }
  });
}

async function start() {
  bindUi();
  const me = await call('GET', '/me');
  if (!me.ok) {
    if (me.status === 403) {
      // The account was disabled after this browser signed in.
      await call('POST', '/logout');
      location.assign(loginPage + '?disabled=1');
    } else if (me.status !== 401) {
      flash(me.problem);
    }

    return;
  }

  state.me = me.data;
  renderMe();
  await refreshLists();
  connectHub();
  setInterval(tick, tickEvery);
  setInterval(heartbeat, heartbeatEvery);
}

start();
