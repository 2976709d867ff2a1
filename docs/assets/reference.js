// On a Redoc reference page, the "Try it" tab opens the console at the operation being read: Redoc keeps it in the
// address as #/<tag>/<operation>, which the console page translates into its own link.
(() => {
  const tab = document.querySelector('.api-tab[data-view="console"]');
  if (!tab) return;
  const target = tab.getAttribute('href');
  const follow = () => {
    tab.setAttribute('href', /^#\/[^/]+\/[^/]+$/.test(location.hash) ? target + location.hash : target);
  };
  tab.addEventListener('pointerdown', follow);
  tab.addEventListener('focus', follow);
  tab.addEventListener('click', follow);
})();
