/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A link to a sibling Markdown source (`paging.md#limits`) points at its rendered page (`paging.html#limits`). */
export function rewriteHref(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) return href;
  return href.replace(/\.md(?=$|#)/, '.html');
}

/**
 * Renders the inline Markdown the docs use: code spans, `[links](url)`, `<https://autolinks>`, `**strong**` and
 * `*emphasis*`. Everything else is escaped; code span contents are taken literally.
 */
export function renderInline(text: string): string {
  const codes: string[] = [];
  const masked = text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (_m, _ticks: string, code: string) => {
    codes.push(code.replace(/^ ([\s\S]*) $/, '$1'));
    return `\uE000${codes.length - 1}\uE000`;
  });
  return formatText(masked).replace(
    /\uE000(\d+)\uE000/g,
    (_m, i: string) => `<code>${escapeHtml(codes[Number(i)] ?? '')}</code>`,
  );
}

function formatText(text: string): string {
  return escapeHtml(text)
    .replace(/&lt;(https?:\/\/[^\s&]+)&gt;/g, (_m, url: string) => `<a href="${url}">${url}</a>`)
    .replace(
      /\[([^\]]+)\]\(([^)\s]+)\)/g,
      (_m, label: string, href: string) => `<a href="${rewriteHref(href)}">${label}</a>`,
    )
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?![*\w])/g, '$1<em>$2</em>');
}
