// «Проверка данных»: while the checks run, look again every 5 s and reload the
// page once the state changes. Without JavaScript the page has a refresh link.
const list = document.getElementById('checks-list');
if (list && list.dataset.running === 'true') {
  let previous = null;
  const tick = async () => {
    try {
      const res = await fetch('/api/v1/me/checks', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
      if (res.ok) {
        const body = await res.json();
        const key = JSON.stringify(body.registries.map((r) => r.status));
        if (previous !== null && key !== previous) return window.location.reload();
        previous = key;
        if (body.state !== 'in_progress') return window.location.reload();
      }
    } catch {
      /* network hiccup: try again */
    }
    setTimeout(tick, 5000);
  };
  setTimeout(tick, 5000);
}
