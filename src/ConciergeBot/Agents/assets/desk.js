// The supervisor's view (GET /api/agent/overview): the desk's figures, who handles what, and the queue.
import { el, byId, customerName, formatDuration, priorityName, reasonName } from './dom.js';

export function renderDesk(overview, openCase) {
  const figures = overview.figures;
  byId('desk-figures').replaceChildren(
    figure('Waiting', figures.waiting),
    figure('With an agent', figures.active),
    figure('Longest wait', formatDuration(figures.longestWaitSeconds)),
    figure('Average wait (24 h)', figures.averageWaitSeconds === null ? '—' : formatDuration(figures.averageWaitSeconds)),
    figure('Average handling (24 h)', figures.averageHandlingSeconds === null ? '—' : formatDuration(figures.averageHandlingSeconds)),
    figure('Closed (24 h)', figures.closedLast24Hours),
    figure('Staffed now', figures.staffed ? 'Yes' : 'No'));

  byId('desk-agents').replaceChildren(...overview.agents.map((load) => el('tr', {},
    el('td', {}, load.agent.displayName, ' ', el('span', { className: 'muted' }, '(' + load.agent.userName + ', ' + load.agent.role + ')')),
    el('td', {}, load.agent.presence + (load.agent.online ? ', online' : ', offline')),
    el('td', {},
      el('span', { className: 'muted' }, load.cases.length + ' of ' + load.agent.maxConcurrent + (load.cases.length ? ': ' : '')),
      load.cases.map((c) => el('button', { type: 'button', className: 'link', onclick: () => openCase(c.id) }, customerName(c)))))));

  const queue = overview.queue.length
    ? overview.queue.map((c) => el('tr', {},
      el('td', {}, el('button', { type: 'button', className: 'link', onclick: () => openCase(c.id) }, customerName(c))),
      el('td', {}, c.team),
      el('td', {}, reasonName(c.reason)),
      el('td', {}, priorityName(c.priority)),
      el('td', {}, formatDuration(c.waitingSeconds))))
    : [el('tr', {}, el('td', { colspan: 5, className: 'muted' }, 'No one is waiting.'))];
  byId('desk-queue').replaceChildren(...queue);
}

function figure(label, value) {
  return el('div', { className: 'figure' }, el('dt', {}, label), el('dd', {}, String(value)));
}
