// A stand-in for Gmail's single-page app: on every hash change it swaps in the fixture page for that thread token,
// the way Gmail re-renders its main view without a page load. The content script sees real Gmail URLs and markup.
(() => {
  let indexPromise;
  const index = () => (indexPromise ??= fetch('/__fixtures/gmail/index.json').then((r) => r.json()));
  // Like Gmail, keep the threads already shown in memory: switching back to one is not a network round trip.
  const threads = new Map();
  const thread = (file) => {
    if (!threads.has(file)) threads.set(file, fetch('/__fixtures/gmail/' + file).then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText)))).catch((e) => (threads.delete(file), Promise.reject(e))));
    return threads.get(file);
  };

  async function show() {
    const hash = location.hash || '#inbox';
    const token = hash.includes('/') ? hash.split('/').pop() : hash.slice(1);
    const map = await index();
    const file = map[token] ?? map.inbox;
    if (!file) {
      document.body.textContent = 'No fixture for ' + token;
      return;
    }
    const html = await thread(file);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    document.title = doc.title;
    for (const old of document.head.querySelectorAll('style[data-fixture]')) old.remove();
    for (const style of doc.head.querySelectorAll('style')) {
      const copy = document.importNode(style, true);
      copy.dataset.fixture = '';
      document.head.append(copy);
    }
    document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
    document.documentElement.dataset.fixture = file;
  }

  // Gmail's "Reply" opens an inline reply box (a contenteditable) a moment later; the real one does the same.
  document.addEventListener('click', (event) => {
    const reply = event.target instanceof Element ? event.target.closest('.ams.bkH') : null;
    if (!reply || document.querySelector('div[g_editable="true"]')) return;
    setTimeout(() => {
      const wrap = document.createElement('div');
      wrap.className = 'M9';
      const box = document.createElement('div');
      box.className = 'Am aiL Al editable LW-avf tS-tW';
      box.setAttribute('role', 'textbox');
      box.setAttribute('contenteditable', 'true');
      box.setAttribute('aria-label', 'Message Body');
      box.setAttribute('g_editable', 'true');
      box.style.cssText = 'min-height:140px;border:1px solid #c7c7c7;border-radius:8px;padding:10px;margin:12px 0;white-space:pre-wrap;background:#fff';
      wrap.append(box);
      (reply.parentElement ?? document.body).after(wrap);
      box.focus();
    }, 150);
  });

  addEventListener('hashchange', show);
  show();
})();
