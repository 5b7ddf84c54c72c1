import { expect, test } from 'vitest';
import { html, raw } from './html';

test('interpolated text is escaped in content and attributes', () => {
  const name = `<script>alert("x")</script> O'Brien & co`;
  expect(html`<p title="${name}">${name}</p>`.toString()).toBe(
    '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; co">' +
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; O&#39;Brien &amp; co</p>',
  );
});

test('nested html fragments and raw fragments are inserted without double escaping', () => {
  const items = ['a<b', 'c'].map((text) => html`<li>${text}</li>`);
  const list = html`<ul>
      ${items}
    </ul>
    ${raw('<hr>')}`;
  expect(list.toString().replace(/\s+/g, '')).toBe('<ul><li>a&lt;b</li><li>c</li></ul><hr>');
});

test('null, undefined and false render nothing while zero renders', () => {
  expect(html`[${null}${undefined}${false}${0}]`.toString()).toBe('[0]');
});
