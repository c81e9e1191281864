// The page frame: the phone menu, relative times ("vor 5 Min."), and the share bars. No third-party code.
(function () {
  "use strict";
  const lang = document.documentElement.lang || "de";

  // --- Menu on phones: a disclosure button; Escape closes and gives focus back to the button. ---------
  const toggle = document.querySelector(".menu-toggle");
  const menu = document.getElementById("site-menu");
  if (toggle && menu) {
    toggle.hidden = false;
    const setOpen = (open) => {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("site-menu--open", open);
    };
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    document.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || toggle.getAttribute("aria-expanded") !== "true") return;
      setOpen(false);
      toggle.focus();
    });
    document.addEventListener("click", (event) => {
      if (toggle.getAttribute("aria-expanded") === "true" && !menu.contains(event.target) &&
          !toggle.contains(event.target)) setOpen(false);
    });
  }

  // --- Relative times: the server writes the absolute time (pages are shared-cached); we add "vor N Min." --
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: "always", style: "short" });
  const absolute = new Intl.DateTimeFormat(lang === "de" ? "de-DE" : lang, {
    timeZone: "Europe/Berlin", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit",
  });
  const HOUR = 60, RELATIVE_HOURS = 12;

  function updateTimes() {
    const now = Date.now();
    document.querySelectorAll("time[data-relative]").forEach((element) => {
      const when = Date.parse(element.getAttribute("datetime"));
      if (Number.isNaN(when)) return;
      if (element.dataset.absolute === undefined) {
        element.dataset.absolute = element.textContent;
        if (!element.title) element.title = absolute.format(when) + (lang === "de" ? " Uhr" : "");
      }
      const minutes = Math.floor((now - when) / 60000);
      let text = element.dataset.absolute;
      if (minutes >= 0 && minutes < HOUR) text = relative.format(-Math.max(1, minutes), "minute");
      else if (minutes >= HOUR && minutes < RELATIVE_HOURS * HOUR) text = relative.format(-Math.floor(minutes / HOUR), "hour");
      if (element.textContent !== text) element.textContent = text;
    });
  }
  updateTimes();
  window.setInterval(updateTimes, 30000);
  // Entries pushed into the page arrive with absolute times: give them theirs at once.
  let pending = false;
  new MutationObserver(() => {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(() => { pending = false; updateTimes(); });
  }).observe(document.body, { childList: true, subtree: true });

  // --- Share bars: plain links work without us; we add "Link kopieren" and the phone's share sheet. -------
  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    const field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "visually-hidden";
    document.body.appendChild(field);
    field.select();
    const ok = document.execCommand("copy");
    field.remove();
    return ok ? Promise.resolve() : Promise.reject(new Error("copy"));
  }

  document.addEventListener("click", (event) => {
    const button = event.target.closest(".share__copy, .share__native");
    if (!button) return;
    const bar = button.closest(".share");
    const url = bar.dataset.url;
    const status = bar.querySelector(".share__status");
    if (button.classList.contains("share__native")) {
      navigator.share({ title: bar.dataset.title, url }).catch(() => {});
      return;
    }
    copy(url).then(
      () => { status.textContent = button.dataset.done; },
      () => { status.textContent = url; },
    );
  });
  function decorateShares(root) {
    root.querySelectorAll(".share").forEach((bar) => {
      bar.querySelectorAll(".share__copy").forEach((b) => { b.hidden = false; });
      // The share sheet on devices that have one (phones); desktops keep the plain links.
      if (navigator.share && window.matchMedia("(pointer: coarse)").matches) {
        bar.querySelectorAll(".share__native").forEach((b) => { b.hidden = false; });
      }
    });
  }
  decorateShares(document);
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((node) => {
    if (node.nodeType === 1) decorateShares(node);
  }))).observe(document.body, { childList: true, subtree: true });
})();
