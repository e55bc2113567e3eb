/*
 * The scoring-model draft editor (src/modules/scoring/model-store/models.views.tsx),
 * progressive enhancement only — without it every button submits the form and the
 * server re-renders the page:
 *  - «Добавить показатель / входное значение / уровень» insert a copy of the page's
 *    <template> with the next free index; «Удалить …» removes the row in place
 *    (nothing is saved until «Сохранить черновик», as without JavaScript);
 *  - changing an input's kind shows the fields of that kind;
 *  - the preview is recalculated 0,5 s after the last keystroke: the form is posted
 *    to data-preview-url and the returned HTML fragment (rendered and escaped by the
 *    server) replaces #preview-results.
 */
const form = document.querySelector('[data-model-editor]');
if (form) {
  const previewUrl = form.getAttribute('data-preview-url');
  const results = document.getElementById('preview-results');
  const template = (id) => document.getElementById(id)?.innerHTML ?? '';
  const nextKey = (container, attr) => {
    let next = 0;
    for (const el of container.querySelectorAll(`:scope > [${attr}]`)) {
      const n = Number(el.getAttribute(attr));
      if (Number.isInteger(n) && n >= next) next = n + 1;
    }
    return String(next);
  };
  const fill = (html, values) => Object.entries(values).reduce((s, [k, v]) => s.split(k).join(v), html);

  let timer = 0;
  let seq = 0;
  const schedule = () => {
    if (!previewUrl || !results) return;
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const res = await fetch(previewUrl, {
          method: 'POST',
          body: new URLSearchParams(new FormData(form)),
          headers: { accept: 'text/html' },
          credentials: 'same-origin',
        });
        if (!res.ok || mine !== seq) return;
        const html = await res.text();
        if (mine === seq) results.innerHTML = html;
      } catch {
        // offline or signed out: «Пересчитать» still works
      }
    }, 500);
  };

  form.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button[name="_op"]') : null;
    if (!button) return;
    const remove = button.getAttribute('data-remove');
    const add = button.getAttribute('data-add');
    if (!remove && !add) return; // «Пересчитать», «Подставить данные»: ordinary submits
    event.preventDefault();
    if (remove) {
      const target = document.getElementById(remove);
      const focusAfter = target?.parentElement?.closest('details, fieldset, form');
      target?.remove();
      focusAfter?.querySelector('input, select, textarea, button')?.focus();
      schedule();
      return;
    }
    const container = document.getElementById(button.getAttribute('data-target') ?? '');
    if (!container) return;
    let html = '';
    if (add === 'node') {
      html = fill(template('tpl-node'), { __N__: nextKey(container, 'data-node-key') });
    } else if (add === 'input') {
      html = fill(template('tpl-input'), { __N__: button.getAttribute('data-node') ?? '', __I__: nextKey(container, 'data-input-key') });
      container.querySelector(':scope > [data-no-inputs]')?.remove();
    } else if (add === 'level') {
      const count = container.querySelectorAll(':scope > [data-level-key]').length + 1;
      html = fill(template('tpl-level'), {
        __N__: button.getAttribute('data-node') ?? '',
        __I__: button.getAttribute('data-input') ?? '',
        __L__: nextKey(container, 'data-level-key'),
        __C__: String(count),
      });
    }
    if (!html) return;
    container.insertAdjacentHTML('beforeend', html);
    container.lastElementChild?.querySelector('input, select, textarea')?.focus();
  });

  form.addEventListener('change', (event) => {
    const select = event.target;
    if (select instanceof HTMLSelectElement && select.closest('[data-kind-select]')) {
      const input = select.closest('.u-model-input');
      for (const section of input?.querySelectorAll('[data-kind-section]') ?? []) {
        section.hidden = section.getAttribute('data-kind-section') !== select.value;
      }
    }
    schedule();
  });
  form.addEventListener('input', schedule);
}
