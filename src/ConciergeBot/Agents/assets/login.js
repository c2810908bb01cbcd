// The sign-in page: posts the user name and password to /api/agent/login as JSON (the cookie comes
// back HttpOnly) and opens the console.
import { call } from './api.js';

const form = document.getElementById('signin');
const error = document.getElementById('signin-error');

function showError(text) {
  error.textContent = text;
  error.hidden = false;
}

if (new URLSearchParams(location.search).get('disabled') === '1') {
  showError('This account is disabled. Ask a supervisor.');
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const userName = form.elements.username.value.trim();
  const password = form.elements.password.value;
  if (!userName || !password) {
    showError('Enter your user name and password.');
    return;
  }

  const button = form.querySelector('button[type="submit"]');
  button.disabled = true;
  const signedIn = await call('POST', '/login', { userName: userName, password: password });
  button.disabled = false;
  if (signedIn.ok) {
    location.assign('/agent');
    return;
  }

  form.elements.password.value = '';
  form.elements.password.focus();
  showError(signedIn.status === 401
    ? 'That user name and password do not match an active account.'
    : signedIn.status === 429 ? 'Too many attempts. Wait a minute and try again.' : signedIn.problem);
});
