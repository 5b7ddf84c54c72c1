// The chart's Suggestions panel: fetches the CDS cards after the chart has rendered, so a slow
// or failing CDS service never holds up the chart. Builds the DOM with textContent only.
/* global document, fetch */

const INDICATORS = { info: 'Info', warning: 'Warning', critical: 'Critical' };

const panel = document.querySelector('[data-suggestions]');
if (panel) void showSuggestions(panel);

async function showSuggestions(panel) {
  const url = panel.dataset.suggestions;
  const status = panel.querySelector('[role="status"]');
  const list = panel.querySelector('[data-suggestion-list]');
  const view = await request(url).catch(() => undefined);
  if (!view || view.status !== 'ok') {
    status.textContent = 'Suggestions unavailable';
    return;
  }
  for (const { id, card } of view.cards) list.append(cardElement(url, id, card, status));
  status.textContent = countText(view.cards.length);
}

function countText(count) {
  if (count === 0) return 'No suggestions for this chart.';
  return count === 1 ? '1 suggestion' : `${count} suggestions`;
}

async function request(url, body) {
  const response = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

function element(tag, attributes = {}, text) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function externalLink(label, href) {
  return element('a', { href, target: '_blank', rel: 'noopener noreferrer' }, label);
}

// A card's detail is Markdown (CDS Hooks 2.0.1 §Card attributes). This reads the part cards use
// (paragraphs, "- " lists, **bold**) and shows the rest as text; it never parses HTML.
function detailElement(markdown) {
  const detail = element('div', { class: 'detail' });
  for (const block of markdown.trim().split(/\n{2,}/)) {
    const lines = block.split('\n');
    if (lines.every((line) => /^[-*] /.test(line))) {
      const list = element('ul');
      for (const line of lines) list.append(withBold(element('li'), line.slice(2)));
      detail.append(list);
    } else {
      detail.append(withBold(element('p'), block));
    }
  }
  return detail;
}

function withBold(node, text) {
  for (const [index, part] of text.split(/\*\*(.+?)\*\*/).entries()) {
    node.append(index % 2 === 1 ? element('strong', {}, part) : part);
  }
  return node;
}

function cardElement(url, id, card, status) {
  const headingId = `suggestion-${id}`;
  const article = element('article', {
    class: `suggestion suggestion-${card.indicator}`,
    'aria-labelledby': headingId,
  });
  article.append(element('h3', { id: headingId }, card.summary));
  article.append(element('p', { class: 'tag' }, INDICATORS[card.indicator] ?? card.indicator));
  if (card.detail) article.append(detailElement(card.detail));
  const source = element('p', { class: 'note' }, 'Source: ');
  source.append(
    card.source.url ? externalLink(card.source.label, card.source.url) : card.source.label,
  );
  article.append(source);

  const actions = element('div', { class: 'suggestion-actions' });
  for (const link of card.smartLinks) {
    const several = card.smartLinks.length > 1;
    const label = several ? `Open case in Chartside: ${link.label}` : 'Open case in Chartside';
    const button = element('button', { type: 'button', 'aria-describedby': headingId }, label);
    button.addEventListener('click', () => void openLink(url, id, link.index, button, status));
    actions.append(button);
  }
  for (const link of card.absoluteLinks) actions.append(externalLink(link.label, link.url));
  article.append(actions);
  article.append(dismissForm(url, id, card, article, status));
  return article;
}

async function openLink(url, id, linkIndex, button, status) {
  button.disabled = true;
  status.textContent = 'Opening in Chartside…';
  try {
    const { appSrc } = await request(`${url}/cards/${id}/open`, { link: linkIndex });
    document.querySelector('iframe[title="Chartside"]').src = appSrc;
    status.textContent = 'Opened in the Chartside sidebar.';
  } catch {
    status.textContent = 'This suggestion could not be opened. Reload the chart and try again.';
  } finally {
    button.disabled = false;
  }
}

function dismissForm(url, id, card, article, status) {
  const form = element('form', { class: 'suggestion-dismiss' });
  const reasonId = `suggestion-${id}-reason`;
  if (card.overrideReasons.length > 0) {
    form.append(element('label', { for: reasonId }, 'Reason for dismissing'));
    const select = element('select', { id: reasonId, name: 'reason' });
    select.append(element('option', { value: '' }, 'No reason given'));
    for (const reason of card.overrideReasons) {
      select.append(element('option', { value: String(reason.index) }, reason.display));
    }
    form.append(select);
  }
  const button = element(
    'button',
    { type: 'submit', 'aria-describedby': `suggestion-${id}` },
    'Dismiss',
  );
  form.append(button);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = form.elements.namedItem('reason')?.value;
    const body = chosen ? { reason: Number(chosen) } : {};
    button.disabled = true;
    void request(`${url}/cards/${id}/dismiss`, body)
      .then(() => {
        const list = article.parentElement;
        article.remove();
        status.textContent = `Suggestion dismissed. ${countText(list.children.length)}`;
        document.getElementById('suggestions-heading').focus();
      })
      .catch(() => {
        button.disabled = false;
        status.textContent =
          'This suggestion could not be dismissed. Reload the chart and try again.';
      });
  });
  return form;
}
