// The problem reports of the open conversation: what the customer reported, what the bot gave, and a
// form to record what staff did. Recording it tells the customer on their own channel and asks them
// whether it is sorted, so the text is written for the customer.
import { el, formatDateTime } from './dom.js';

// The list is drawn again whenever the conversation changes (a claim, a new message): what the agent
// was writing in a form stays, and so does the place they were writing in.
export function renderTickets(section, list, tickets, record) {
  const drafts = new Map([...list.querySelectorAll('form.ticket-form')].map(form => [form.dataset.reference, {
    text: form.elements.correctiveAction.value,
    status: form.elements.status.value,
    focused: form.contains(document.activeElement) ? document.activeElement.name : null
  }]));
  section.hidden = tickets.length === 0;
  list.replaceChildren(...tickets.map(ticket => ticketItem(ticket, record)));
  for (const form of list.querySelectorAll('form.ticket-form')) {
    const draft = drafts.get(form.dataset.reference);
    if (draft) {
      form.elements.correctiveAction.value = draft.text;
      form.elements.status.value = draft.status;
      if (draft.focused) {
        form.elements[draft.focused].focus();
      }
    }
  }
}

function ticketItem(t, record) {
  const facts = [t.category, t.severity, statusName(t.status), 'opened ' + formatDateTime(t.createdAt)];
  if (t.reopened > 0) {
    facts.push('reopened ' + t.reopened + '×');
  }

  const form = el('form', { className: 'ticket-form', dataset: { reference: t.reference } },
    el('label', { for: 'fix-' + t.reference }, 'What was done (the customer is told)'),
    el('textarea', { id: 'fix-' + t.reference, name: 'correctiveAction', rows: 2 }),
    el('div', { className: 'ticket-form-row' },
      el('label', { for: 'status-' + t.reference }, 'Status'),
      statusSelect(t),
      el('button', { type: 'submit', className: 'primary' }, 'Record')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    const text = form.elements.correctiveAction.value.trim();
    const status = form.elements.status.value;
    if (!text && status === t.status) {
      form.elements.correctiveAction.focus();
      return;
    }

    // One click, one record: the customer is told once, and the sent text is no draft any more.
    form.querySelector('button[type="submit"]').disabled = true;
    form.reset();
    record(t.reference, { correctiveAction: text || null, status: status === t.status ? null : status });
  });

  return el('li', { className: 'ticket', dataset: { reference: t.reference } },
    el('p', { className: 'ticket-head' }, el('strong', {}, t.reference), ' · ' + facts.join(' · ')),
    el('p', { className: 'ticket-text' }, t.description),
    t.compensation ? el('p', { className: 'ticket-meta' }, 'Given: ' + t.compensation) : null,
    t.correctiveAction ? el('p', { className: 'ticket-meta' }, 'Done: ' + t.correctiveAction) : null,
    form);
}

function statusSelect(t) {
  const select = el('select', { id: 'status-' + t.reference, name: 'status' });
  for (const [value, label] of [['open', 'Open'], ['in-progress', 'In progress'], ['resolved', 'Resolved']]) {
    select.append(el('option', { value: value, selected: value === t.status }, label));
  }

  return select;
}

function statusName(status) {
  return status === 'in-progress' ? 'in progress' : status;
}
