/* The newsblog embed (/newsblog/<slug>/einbetten/) inside another site's iframe. The live updates are
   liveblog.js, as on the newsblog page; this keeps the embed at its few newest entries as new ones arrive and
   tells the parent page (liveblogs/embed.js) its height, so that the iframe fits its content. */
(function () {
  "use strict";

  const root = document.getElementById("liveblog");
  if (!root) return;
  const limit = parseInt(root.dataset.limit, 10) || 0;
  const stream = document.getElementById("entry-stream");

  // Newest first: an entry pushed on top pushes the oldest one out (the teaser stays at three).
  function trim() {
    if (!limit) return;
    const entries = stream.querySelectorAll(":scope > .entry");
    for (let i = limit; i < entries.length; i += 1) entries[i].remove();
  }
  new MutationObserver(trim).observe(stream, { childList: true });
  trim();

  if (window.parent === window) return; // opened on its own: nothing to size

  let reported = 0;
  function report() {
    // The document's own height (not scrollHeight, which never falls below the iframe's current height).
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (!height || height === reported) return;
    reported = height;
    // Only a number leaves the frame; the parent script believes it only from newsdesk's origin.
    window.parent.postMessage({ type: "newsdesk:embed-height", slug: root.dataset.slug, height }, "*");
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.documentElement);
  window.addEventListener("load", report);
  report();
})();
