// Building the console's elements. Data only ever goes in as text (textContent) or as attribute
// values set one by one, never as markup, so nothing a customer writes can become part of the page.

export function el(tag, props, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }

    if (name === 'className') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name === 'onclick') {
      element.addEventListener('click', value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }

  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }

  return element;
}

export function byId(id) {
  return document.getElementById(id);
}

export function formatDuration(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) {
    return s + ' s';
  }

  const minutes = Math.floor(s / 60);
  if (minutes < 60) {
    return minutes + ' min';
  }

  const hours = Math.floor(minutes / 60);
  return hours + ' h ' + (minutes % 60) + ' min';
}

export function formatTime(iso) {
  const date = new Date(iso);
  return isNaN(date) ? '' : date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  return isNaN(date) ? '' : date.toLocaleString([], { dateStyle: 'medium', timeStyle: 'short' });
}

export function customerName(c) {
  return c.customerName || 'Customer on ' + c.channel;
}

const priorities = { 1: 'High', 2: 'Normal', 3: 'Low' };

export function priorityName(priority) {
  return priorities[priority] || String(priority);
}

export function reasonName(reason) {
  return String(reason || '').replace(/-/g, ' ');
}

// Arrow keys move between the buttons of a list, so a queue can be worked without the mouse.
export function arrowKeysMoveWithin(list) {
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') {
      return;
    }

    const buttons = Array.from(list.querySelectorAll('button'));
    const index = buttons.indexOf(document.activeElement);
    if (index < 0) {
      return;
    }

    const next = buttons[index + (event.key === 'ArrowDown' ? 1 : -1)];
    if (next) {
      next.focus();
      event.preventDefault();
    }
  });
}
