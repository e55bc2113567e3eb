// «Новый код можно запросить через N секунд»: counts down in place; the server
// checks the limit anyway, so without JavaScript the text is just static.
const el = document.getElementById('resend-wait');
if (el) {
  let left = Number(el.dataset.seconds || '0');
  const ru = document.documentElement.lang !== 'en';
  const unit = (n) => {
    if (!ru) return n === 1 ? 'second' : 'seconds';
    const m10 = n % 10, m100 = n % 100;
    if (m10 === 1 && m100 !== 11) return 'секунду';
    if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return 'секунды';
    return 'секунд';
  };
  const timer = setInterval(() => {
    left -= 1;
    if (left <= 0) {
      clearInterval(timer);
      el.textContent = ru ? 'Можно запросить новый код.' : 'You can ask for a new code now.';
      return;
    }
    // Update the visible text only every 5 s near the end to avoid chatter for screen readers.
    if (left % 5 === 0 || left < 5) {
      el.textContent = ru ? `Новый код можно запросить через ${left} ${unit(left)}.` : `You can ask for a new code in ${left} ${unit(left)}.`;
    }
  }, 1000);
}
