// Live password-strength meter. The server rates the password (the same
// zxcvbn rules that decide on submit) so the meter and the verdict agree;
// without JavaScript the rating is shown after submitting.
const form = document.querySelector('form[data-strength-form]');
const input = form && form.querySelector('input[name="password"]');
const box = document.getElementById('password-strength');
if (form && input && box) {
  const meter = box.querySelector('meter');
  const text = box.querySelector('.u-strength__text');
  const labels = (box.dataset.labels || '').split('|');
  const csrf = form.querySelector('input[name="_csrf"]').value;
  let timer = null;
  let seq = 0;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      if (!input.value) {
        meter.value = 0;
        text.textContent = '—';
        return;
      }
      try {
        const res = await fetch('/api/v1/password-strength', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
          credentials: 'same-origin',
          body: JSON.stringify({ password: input.value }),
        });
        if (!res.ok || mine !== seq) return;
        const body = await res.json();
        meter.value = body.score;
        text.textContent = labels[body.score] + (body.message ? ` — ${body.message}` : '');
      } catch {
        /* the meter is a hint; the server checks on submit */
      }
    }, 300);
  });
}
