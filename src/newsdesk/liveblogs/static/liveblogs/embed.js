/* newsdesk: a live newsblog on another site. The embed code (the newsblog page's "Einbetten" box):
     <script src="https://SITE/static/liveblogs/embed.js" data-newsblog="SLUG" data-site="https://SITE" async></script>
   puts an iframe of https://SITE/newsblog/SLUG/einbetten/ (data-variante="teaser": the newest three entries)
   where the script stands, and keeps it as tall as its content: the embedded page reports its height by
   postMessage, believed only from newsdesk's own origin and from this very iframe. No cookies, no tracking.
   Plain ES2015, no dependencies: it runs on pages we do not control. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !script.dataset.newsblog || !window.URL) return;
  var origin;
  try {
    origin = new URL(script.dataset.site || script.src, window.location.href).origin;
  } catch (error) {
    return;
  }
  var teaser = script.dataset.variante === "teaser";
  var frame = document.createElement("iframe");
  frame.src = origin + "/newsblog/" + encodeURIComponent(script.dataset.newsblog) + "/einbetten/" +
    (teaser ? "?variante=teaser" : "");
  frame.title = script.dataset.title || "Newsblog";
  frame.className = "newsdesk-embed";
  frame.style.display = "block";
  frame.style.width = "100%";
  frame.style.border = "0";
  frame.style.height = (teaser ? 520 : 900) + "px"; // until the first message; scrollable until then
  script.parentNode.insertBefore(frame, script);

  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== "newsdesk:embed-height") return;
    var height = Math.ceil(Number(data.height));
    if (height > 0 && height < 100000) {
      frame.style.height = height + "px";
      frame.setAttribute("scrolling", "no"); // it fits now: no inner scroll bar beside the page's own
    }
  });
})();
