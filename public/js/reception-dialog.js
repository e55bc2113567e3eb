/*
 * The reception desk (/reception/visit): progressive enhancement only.
 * - Keyboard: the digit shown on a button presses it; 0 is «Назад».
 * - Answers are sent without reloading the page: the form is posted with
 *   fetch, the server answers with the next step's page (after its redirect),
 *   and <main> is swapped. Without JavaScript the same forms post normally.
 */
const main = () => document.getElementById('main');

function pressKey(key) {
  const dialog = document.getElementById('dialog');
  if (!dialog) return false;
  const target = dialog.querySelector(`[data-key="${key}"]`);
  if (!target) return false;
  target.click();
  return true;
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return;
  const el = event.target;
  if (el && (el.closest('input, textarea, select, [contenteditable]') || el.isContentEditable)) return;
  if (/^[0-9]$/.test(event.key) && pressKey(event.key)) event.preventDefault();
});

let busy = false;
document.addEventListener('submit', async (event) => {
  const form = event.target;
  if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-dialog-form')) return;
  event.preventDefault();
  if (busy) return;
  busy = true;
  const body = new URLSearchParams(new FormData(form));
  const submitter = event.submitter;
  if (submitter && submitter.name) body.set(submitter.name, submitter.value);
  try {
    const res = await fetch(form.action, { method: 'POST', body, credentials: 'same-origin', headers: { accept: 'text/html' } });
    const html = await res.text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const next = doc.getElementById('main');
    if (!next || !main()) throw new Error('no page');
    main().replaceWith(next);
    document.title = doc.title;
    if (res.redirected) history.pushState({}, '', res.url);
    const question = document.getElementById('dialog-question');
    if (question) question.focus();
  } catch {
    // Offline or an unexpected answer: fall back to an ordinary post.
    busy = false;
    form.removeAttribute('data-dialog-form');
    if (submitter && submitter.name) {
      const hidden = document.createElement('input');
      hidden.type = 'hidden';
      hidden.name = submitter.name;
      hidden.value = submitter.value;
      form.append(hidden);
    }
    form.submit();
    return;
  }
  busy = false;
});

window.addEventListener('popstate', () => location.reload());
