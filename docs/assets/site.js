// Served by the crmkit reference server (any host and port), the mock links and the example URLs point at the
// server this page came from; opened from disk, they keep the default http://127.0.0.1:4010.
(() => {
  if (location.protocol !== 'http:' && location.protocol !== 'https:') return;
  const DEFAULT_ORIGIN = 'http://127.0.0.1:4010';
  for (const link of document.querySelectorAll('a.mock-link[data-mock-path]')) {
    const url = location.origin + link.getAttribute('data-mock-path');
    link.href = url;
    const code = link.querySelector('code');
    if (code?.textContent.startsWith('http')) code.textContent = url;
  }
  if (location.origin === DEFAULT_ORIGIN) return;
  for (const code of document.querySelectorAll('pre code')) {
    if (code.textContent.includes(DEFAULT_ORIGIN))
      code.textContent = code.textContent.split(DEFAULT_ORIGIN).join(location.origin);
  }
})();
