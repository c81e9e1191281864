// "Jetzt lesen" for editors: the panel (count and server-rendered sparkline) is fetched again every few
// seconds from an editors-only address; readers never load this script or the figures.
(function () {
  "use strict";
  var panel = document.getElementById("audience");
  if (!panel || !window.fetch) return;
  var url = panel.dataset.url;
  var seconds = Math.max(5, parseInt(panel.dataset.seconds, 10) || 15);

  function refresh() {
    if (document.hidden) return; // a background tab waits; visibilitychange brings it up to date
    fetch(url, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        var fresh = template.content.getElementById("audience");
        var current = document.getElementById("audience");
        if (fresh && current) current.replaceWith(fresh);
      })
      .catch(function () { /* offline: the next round tries again */ });
  }

  window.setInterval(refresh, seconds * 1000);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) refresh(); });
})();
