// A stand-in for Gmail's single-page app: on every hash change it swaps in the fixture page for that thread token,
// the way Gmail re-renders its main view without a page load. The content script sees real Gmail URLs and markup.
(() => {
  let indexPromise;
  const index = () => (indexPromise ??= fetch('/__fixtures/gmail/index.json').then((r) => r.json()));

  async function show() {
    const hash = location.hash || '#inbox';
    const token = hash.includes('/') ? hash.split('/').pop() : hash.slice(1);
    const map = await index();
    const file = map[token] ?? map.inbox;
    if (!file) {
      document.body.textContent = 'No fixture for ' + token;
      return;
    }
    const html = await (await fetch('/__fixtures/gmail/' + file)).text();
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

  addEventListener('hashchange', show);
  show();
})();
