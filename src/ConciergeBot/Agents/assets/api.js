// The agent API (/api/agent) as the console uses it: JSON in and out, the sign-in cookie sent along.
// A signed-out answer (401) sends the browser back to the sign-in page.

export const loginPage = '/agent/login';

// Every call resolves (never rejects) to { ok, status, data, problem }, so a caller has one shape to read.
export async function call(method, path, body) {
  let response;
  try {
    response = await fetch('/api/agent' + path, {
      method: method,
      credentials: 'same-origin',
      cache: 'no-store',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    });
  } catch {
    return { ok: false, status: 0, data: null, problem: 'The server cannot be reached. Check the connection and try again.' };
  }

  if (response.status === 401 && path !== '/login') {
    location.assign(loginPage);
    return { ok: false, status: 401, data: null, problem: 'Signed out.' };
  }

  const data = await readJson(response);
  return { ok: response.ok, status: response.status, data: response.ok ? data : null, problem: response.ok ? null : problemText(response.status, data) };
}

async function readJson(response) {
  const type = response.headers.get('Content-Type') || '';
  if (response.status === 204 || !/json/.test(type)) {
    return null;
  }

  try {
    return await response.json();
  } catch {
    return null;
  }
}

// ASP.NET Core answers with problem details ({ title, detail }); the detail says what happened.
function problemText(status, data) {
  if (data && typeof data.detail === 'string' && data.detail) {
    return data.detail;
  }

  if (data && typeof data.title === 'string' && data.title) {
    return data.title;
  }

  return status === 403 ? 'That is not yours to do.' : 'Something went wrong (' + status + '). Try again.';
}
