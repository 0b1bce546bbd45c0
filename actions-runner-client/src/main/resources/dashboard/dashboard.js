// Live updates: the server announces every ledger change over server-sent events; the page then re-reads itself and
// swaps its main part. No inline script anywhere, so the CSP can forbid it.
(function () {
  'use strict';
  var status = document.getElementById('live-status');
  if (!window.EventSource || document.body.dataset.live === 'off') {
    return;
  }
  var busy = false;
  var again = false;
  function refresh() {
    if (busy) { again = true; return; }
    busy = true;
    fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status)); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var fresh = doc.getElementById('main');
        if (fresh) { document.getElementById('main').innerHTML = fresh.innerHTML; }
      })
      .catch(function () { status.textContent = 'refresh failed'; })
      .finally(function () { busy = false; if (again) { again = false; refresh(); } });
  }
  var source = new EventSource('/events');
  source.addEventListener('open', function () { status.textContent = 'live'; status.className = 'on'; });
  source.addEventListener('ledger', refresh);
  source.addEventListener('error', function () { status.textContent = 'reconnecting'; status.className = ''; });
})();
