/*
 * Plan item form: says how the deadline being typed is understood
 * («Как понят срок: до 15.07.2026, затем каждый квартал») or what is wrong with it,
 * as the person types — progressive enhancement; without it the same text
 * appears after saving. The server does the parsing (one parser, one calendar):
 * GET <data-deadline-preview>?text=… returns { ok, text }. Text goes in as text.
 */
const out = document.querySelector('[data-deadline-preview]');
const input = document.getElementById('field-deadlineText');
if (out && input) {
  const url = out.getAttribute('data-deadline-preview');
  let timer = 0;
  let seq = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const res = await fetch(`${url}?text=${encodeURIComponent(input.value)}`, { headers: { accept: 'application/json' }, credentials: 'same-origin' });
        if (!res.ok || mine !== seq) return;
        const body = await res.json();
        out.textContent = body.text;
        out.classList.toggle('u-deadline-understood--error', !body.ok);
      } catch {
        // offline or signed out: the form still works; the text appears after saving
      }
    }, 400);
  });
}
