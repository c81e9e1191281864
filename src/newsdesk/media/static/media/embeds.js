/* Embeds with privacy by default: the provider's iframe is created only after the reader's click
   (or when the reader chose "Immer laden für …" before; stored in localStorage, never a cookie).
   The footer's "Eingebettete Inhalte" link revokes those choices. Works for entries that arrive live too. */
(function () {
  "use strict";
  const KEY = "newsdesk.embeds.always";

  function allowed() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "[]"); } catch (error) { return []; }
  }

  function remember(provider) {
    const list = allowed();
    if (!list.includes(provider)) list.push(provider);
    try { window.localStorage.setItem(KEY, JSON.stringify(list)); } catch (error) { /* private mode */ }
    showRevoke();
  }

  function load(figure) {
    if (figure.querySelector("iframe")) return;
    const iframe = document.createElement("iframe");
    iframe.src = figure.dataset.embedSrc;
    iframe.title = figure.dataset.embedName + ": " + (figure.querySelector(".embed__title a") || {}).textContent;
    iframe.loading = "lazy";
    iframe.allow = "autoplay; encrypted-media; fullscreen; picture-in-picture";
    iframe.referrerPolicy = "strict-origin-when-cross-origin";
    iframe.setAttribute("allowfullscreen", "");
    iframe.className = "embed__frame";
    if (figure.dataset.embedRatio === "auto") iframe.classList.add("embed__frame--tall");
    else iframe.style.aspectRatio = figure.dataset.embedRatio;
    const placeholder = figure.querySelector(".embed__placeholder");
    const source = figure.querySelector(".embed__title").cloneNode(true);
    source.className = "embed__source";
    placeholder.replaceWith(iframe, source);
    figure.classList.add("embed--loaded");
  }

  function prepare(root) {
    const always = allowed();
    root.querySelectorAll("[data-embed]").forEach((figure) => {
      if (figure.dataset.embedReady) return;
      figure.dataset.embedReady = "1";
      if (always.includes(figure.dataset.embedProvider)) { load(figure); return; }
      const actions = figure.querySelector(".embed__actions");
      if (actions) actions.hidden = false;
    });
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".embed__load");
    if (!button) return;
    const figure = button.closest("[data-embed]");
    const always = figure.querySelector(".embed__always input");
    if (always && always.checked) remember(figure.dataset.embedProvider);
    load(figure);
    const frame = figure.querySelector("iframe");
    if (frame) frame.focus();
  });

  function showRevoke() {
    const revoke = document.getElementById("embed-revoke");
    if (revoke) revoke.hidden = !allowed().length;
  }

  document.addEventListener("click", (event) => {
    const revoke = event.target.closest("#embed-revoke a");
    if (!revoke) return;
    event.preventDefault();
    try { window.localStorage.removeItem(KEY); } catch (error) { /* nothing stored */ }
    showRevoke();
    const status = document.getElementById("embed-revoke-status");
    if (status) status.textContent = revoke.dataset.done;
  });

  // Entries pushed live are inserted later: prepare them as they come.
  new MutationObserver((records) => {
    records.forEach((record) => record.addedNodes.forEach((node) => {
      if (node.nodeType === 1) prepare(node.matches("[data-embed]") ? node.parentNode : node);
    }));
  }).observe(document.body, { childList: true, subtree: true });
  prepare(document);
  showRevoke();
})();
