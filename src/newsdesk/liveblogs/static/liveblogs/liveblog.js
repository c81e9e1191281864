/* newsdesk newsblog: live updates over server-sent events, "load older", enlarge view, editor tools.
   The page works without this script; with it, readers get every change within a second. */
(function () {
  "use strict";

  const root = document.getElementById("liveblog");
  if (!root) return;

  const strings = document.getElementById("ui-strings").dataset;
  const lang = root.dataset.lang || "de";
  const timeZone = root.dataset.timeZone || "Europe/Berlin";
  const newestFirst = root.dataset.order !== "oldest";
  const canEdit = root.dataset.canEdit === "1";
  const pinnedBox = document.getElementById("pinned-entries");
  const stream = document.getElementById("entry-stream");
  const announcer = document.getElementById("live-announcer");
  const newBar = document.getElementById("new-entries");
  const newButton = document.getElementById("new-entries-button");
  const statusLine = document.getElementById("connection-status");
  let lastSeq = parseInt(root.dataset.seq, 10) || 0;
  let held = []; // entries that arrived while the reader was scrolled down

  const fmt = (template, values) => template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
  const csrfToken = () => (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1] || "";

  function fragment(html) {
    const template = document.createElement("template");
    template.innerHTML = html.trim();
    const element = template.content.firstElementChild;
    fillShareMenus(element);
    return element;
  }

  // Pushed entries carry a stub with their address and title; the page has the menu once (branding
  // share_menu_template), whose data-url and data-title are the placeholders its links carry.
  const shareMenu = document.getElementById("share-menu");
  function fillShareMenus(element) {
    if (!element) return;
    element.querySelectorAll(".share-stub").forEach((stub) => {
      if (!shareMenu) { stub.remove(); return; }
      const { url, title } = stub.dataset;
      const menu = shareMenu.content.firstElementChild.cloneNode(true);
      const placeholders = { url: menu.dataset.url, title: menu.dataset.title };
      menu.dataset.url = url;
      menu.dataset.title = title;
      menu.querySelectorAll("a[href]").forEach((link) => {
        link.setAttribute("href", link.getAttribute("href")
          .replaceAll(placeholders.url, encodeURIComponent(url))
          .replaceAll(placeholders.title, encodeURIComponent(title)));
      });
      stub.replaceWith(menu);
    });
  }

  function findEntry(id) {
    return document.getElementById("eintrag-" + id);
  }

  function textOf(entry) {
    const headline = entry.querySelector(".entry__headline");
    const body = entry.querySelector(".entry__body");
    const text = (headline ? headline.textContent : body ? body.textContent : "").trim();
    return text.length > 140 ? text.slice(0, 140) + "…" : text;
  }

  // --- placing entries -------------------------------------------------------------------------

  function readerIsAtTop() {
    const rect = stream.getBoundingClientRect();
    return rect.top > -40; // the first entry is (nearly) in view
  }

  function loadMoreLink() {
    return stream.querySelector(".load-more");
  }

  function placeInStream(element) {
    const firstEntry = stream.querySelector(".entry");
    if (newestFirst) {
      stream.insertBefore(element, firstEntry || stream.firstChild);
    } else if (!loadMoreLink()) {
      stream.appendChild(element);
    } else {
      return false; // oldest first and not all loaded: it comes with "load more"
    }
    return true;
  }

  function place(element, { live }) {
    const noEntries = document.getElementById("no-entries");
    if (noEntries) noEntries.remove();
    if (element.dataset.pinned === "1") {
      pinnedBox.insertBefore(element, pinnedBox.firstChild);
    } else if (live && newestFirst && !readerIsAtTop()) {
      held.push(element);
      showHeldBar();
      return;
    } else if (!placeInStream(element)) {
      return;
    }
    decorate(element);
  }

  // A restored entry goes back to its place: among the loaded entries by time (then number), in the blog's
  // order; older than all loaded ones while more are still to load: it comes with "load more".
  const entryTime = (element) => [Date.parse(element.dataset.created) || 0, parseInt(element.dataset.entryId, 10) || 0];
  function comesBefore(a, b) {
    const [ta, ia] = entryTime(a);
    const [tb, ib] = entryTime(b);
    const newer = ta > tb || (ta === tb && ia > ib);
    return newestFirst || a.dataset.pinned === "1" ? newer : !newer;
  }

  function placeAtItsTime(element) {
    const noEntries = document.getElementById("no-entries");
    if (noEntries) noEntries.remove();
    const box = element.dataset.pinned === "1" ? pinnedBox : stream;
    const next = Array.from(box.querySelectorAll(":scope > .entry, :scope > * > .entry"))
      .find((other) => comesBefore(element, other));
    if (next) {
      next.parentNode.insertBefore(element, next);
    } else if (box === stream && loadMoreLink()) {
      return false;
    } else if (box === stream) {
      stream.appendChild(element);
    } else {
      box.appendChild(element);
    }
    decorate(element);
    return true;
  }

  function showHeldBar() {
    newButton.textContent = held.length === 1 ? strings.newOne : fmt(strings.newMany, { count: held.length });
    newBar.hidden = false;
  }

  newButton.addEventListener("click", () => {
    const batch = held;
    held = [];
    newBar.hidden = true;
    batch.reverse().forEach((element) => { placeInStream(element); decorate(element); });
    const first = batch[batch.length - 1];
    if (first) {
      first.setAttribute("tabindex", "-1");
      first.scrollIntoView({ block: "start" });
      first.focus({ preventScroll: true });
    }
  });

  window.addEventListener("scroll", () => {
    if (held.length && readerIsAtTop()) newButton.click();
  }, { passive: true });

  function removeHeld(id) {
    held = held.filter((element) => element.dataset.entryId !== String(id));
    if (!held.length) newBar.hidden = true; else showHeldBar();
  }

  // --- key events box ---------------------------------------------------------------------------

  function updateKeyEvents(data, element) {
    const list = document.getElementById("key-events-list");
    const existing = list.querySelector(`li[data-entry-id="${data.id}"]`);
    if (!data.key_event || !element) {
      if (existing) existing.remove();
    } else {
      const item = existing || document.createElement("li");
      item.dataset.entryId = data.id;
      item.innerHTML = "";
      const time = element.querySelector("time").cloneNode(true);
      const link = document.createElement("a");
      link.href = data.url;
      link.textContent = data.headline || textOf(element);
      item.append(time, " ", link);
      if (!existing) {
        // Newest first; a restored key event goes back among the others by its time.
        const at = Date.parse(time.getAttribute("datetime")) || 0;
        const later = Array.from(list.children).find((li) => {
          const other = li.querySelector("time");
          return other && (Date.parse(other.getAttribute("datetime")) || 0) < at;
        });
        list.insertBefore(item, later || null);
      }
    }
    list.closest(".key-events").hidden = !list.children.length;
  }

  // --- applying events --------------------------------------------------------------------------

  function setUpdated(isoTime) {
    const date = new Date(isoTime);
    const day = new Intl.DateTimeFormat("de-DE", { timeZone, day: "2-digit", month: "2-digit", year: "numeric" }).format(date);
    const time = new Intl.DateTimeFormat("de-DE", { timeZone, hour: "2-digit", minute: "2-digit" }).format(date);
    document.getElementById("liveblog-updated").textContent = fmt(strings.updated, { date: day, time });
  }

  function apply(event) {
    const entry = event.entry || {};
    const html = event.html ? (event.html[lang] || event.html.de) : null;
    switch (event.type) {
      case "entry.created": {
        if (entry.redacted || findEntry(entry.id)) break;
        const element = fragment(html);
        place(element, { live: true });
        updateKeyEvents(entry, element);
        announcer.textContent = fmt(strings.announce, { text: textOf(element) });
        break;
      }
      case "entry.updated": {
        if (entry.redacted) break;
        const element = fragment(html);
        const current = findEntry(entry.id);
        const heldIndex = held.findIndex((e) => e.dataset.entryId === String(entry.id));
        if (heldIndex >= 0) {
          held[heldIndex] = element;
        } else if (current && current.dataset.pinned === element.dataset.pinned) {
          current.replaceWith(element);
          decorate(element);
        } else {
          if (current) current.remove();
          place(element, { live: false });
        }
        updateKeyEvents(entry, element);
        break;
      }
      case "entry.restored": {
        if (entry.redacted) break;
        const element = fragment(html);
        const current = findEntry(entry.id);
        if (current) current.replaceWith(element); else placeAtItsTime(element);
        if (current) decorate(element);
        updateKeyEvents(entry, element);
        announcer.textContent = fmt(strings.announceRestored, { text: textOf(element) });
        break;
      }
      case "liveblog.deleted": {
        const notice = document.getElementById("deleted-notice");
        if (notice) notice.hidden = false;
        root.dataset.open = "0";
        break;
      }
      case "entry.deleted": {
        const current = findEntry(entry.id);
        if (current) current.remove();
        removeHeld(entry.id);
        updateKeyEvents({ id: entry.id, key_event: false }, null);
        break;
      }
      case "liveblog.updated": {
        const blog = event.liveblog || {};
        if (blog.title) document.getElementById("liveblog-title").textContent = blog.title;
        const teaser = document.getElementById("liveblog-teaser");
        if (teaser && blog.teaser !== undefined) teaser.textContent = blog.teaser;
        break;
      }
      case "liveblog.closed":
        document.getElementById("closed-notice").hidden = false;
        root.dataset.open = "0";
        break;
    }
    if (event.at) setUpdated(event.at);
  }

  // --- the connection -----------------------------------------------------------------------------

  let source = null;
  let retryDelay = 1000;

  function handle(message) {
    const seq = parseInt(message.lastEventId, 10);
    if (!(seq > lastSeq)) return; // already applied: never twice
    lastSeq = seq;
    apply(JSON.parse(message.data));
    if ((message.type === "liveblog.closed" || message.type === "liveblog.deleted") && source) {
      source.close();
      source = null;
    }
  }

  function connect() {
    if (root.dataset.open !== "1" || !window.EventSource) return;
    const url = root.dataset.eventsUrl + "?last_event_id=" + lastSeq;
    source = new EventSource(url);
    ["entry.created", "entry.updated", "entry.deleted", "entry.restored", "liveblog.updated", "liveblog.closed",
      "liveblog.deleted"]
      .forEach((type) => source.addEventListener(type, handle));
    // Too far behind for the stream (after a long absence): the page itself is the fastest catch-up.
    source.addEventListener("catchup", () => { source.close(); source = null; window.location.reload(); });
    source.addEventListener("open", () => {
      retryDelay = 1000;
      statusLine.hidden = true;
      root.dataset.connection = "open";
    });
    source.addEventListener("error", () => {
      root.dataset.connection = "reconnecting";
      statusLine.textContent = strings.offline;
      statusLine.hidden = false;
      // The browser retries by itself with Last-Event-ID; if it gave up (server error), start again.
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(connect, retryDelay * (0.5 + Math.random())); // spread out, not all readers at once
        retryDelay = Math.min(retryDelay * 2, 30000);
      }
    });
  }

  root.newsdeskReconnect = () => { if (source) source.close(); source = null; connect(); };
  root.newsdeskDisconnect = () => {
    if (source) source.close();
    source = null;
    root.dataset.connection = "closed";
  };
  connect();

  // --- "Ältere Einträge laden" ---------------------------------------------------------------------

  stream.addEventListener("click", async (event) => {
    const link = event.target.closest(".load-more a[data-fragment-url]");
    if (!link) return;
    event.preventDefault();
    link.setAttribute("aria-busy", "true");
    const response = await fetch(link.dataset.fragmentUrl, { headers: { "X-Requested-With": "fetch" } });
    if (!response.ok) { link.removeAttribute("aria-busy"); return; }
    const holder = document.createElement("template");
    holder.innerHTML = await response.text();
    const firstNew = holder.content.querySelector(".entry");
    let reachedLoaded = false;
    holder.content.querySelectorAll(".entry").forEach((element) => {
      if (findEntry(element.dataset.entryId)) { element.remove(); reachedLoaded = true; } else decorate(element);
    });
    if (reachedLoaded) {
      // The gap before entries loaded through a key event is filled: no second "load more" for it.
      const more = holder.content.querySelector(".load-more");
      if (more) more.remove();
      const gap = link.closest(".load-more").nextElementSibling;
      if (gap && gap.classList.contains("entry-gap")) gap.remove();
    }
    link.closest(".load-more").replaceWith(holder.content);
    if (firstNew) { firstNew.setAttribute("tabindex", "-1"); firstNew.focus({ preventScroll: true }); }
    rememberLoaded(new URL(link.dataset.fragmentUrl, window.location.href).searchParams.get("cursor"));
  });

  // --- the reading place survives a reload and "back" --------------------------------------------------
  // The address keeps ?vor=<the entry the last "load older" started after>: the server renders the same entries
  // again (the first page down to that entry and the page after it). The entry at the top of the screen is kept
  // in history.state, so the reader lands on it even when new entries have arrived above meanwhile.

  function onFirstPage() {
    const params = new URLSearchParams(window.location.search);
    return window.location.pathname === root.dataset.pageUrl && !params.has("cursor") && !root.dataset.target;
  }

  function rememberLoaded(cursor) {
    if (!cursor || !onFirstPage()) return;
    const url = new URL(window.location.href);
    url.searchParams.set("vor", cursor);
    history.replaceState(history.state, "", url.pathname + url.search + url.hash);
  }

  function topEntry() {
    const entries = stream.querySelectorAll(".entry");
    for (const element of entries) {
      const rect = element.getBoundingClientRect();
      if (rect.bottom > 0) return { id: element.dataset.entryId, offset: Math.round(rect.top) };
    }
    return null;
  }

  let placeTimer = null;
  window.addEventListener("scroll", () => {
    if (placeTimer || !new URLSearchParams(window.location.search).has("vor")) return;
    placeTimer = setTimeout(() => {
      placeTimer = null;
      const place = topEntry();
      if (place) history.replaceState({ ...(history.state || {}), place }, "");
    }, 250);
  }, { passive: true });

  const kept = history.state && history.state.place;
  if (kept && new URLSearchParams(window.location.search).has("vor")) {
    const element = findEntry(kept.id);
    if (element) {
      if ("scrollRestoration" in history) history.scrollRestoration = "manual";
      window.scrollTo(0, window.scrollY + element.getBoundingClientRect().top - kept.offset);
    }
  }

  // The enlarge view lives in media/enlarge.js, shared with article pages; embeds in media/embeds.js.

  // --- every entry's own address: share, key events, landing --------------------------------------

  function highlight(element) {
    document.querySelectorAll(".entry--target").forEach((other) => other.classList.remove("entry--target"));
    element.classList.add("entry--target");
    element.setAttribute("tabindex", "-1");
    element.scrollIntoView({ block: "start" });
    element.focus({ preventScroll: true });
  }

  document.getElementById("entries").addEventListener("click", async (event) => {
    const button = event.target.closest(".entry__share");
    if (!button) return;
    const element = button.closest(".entry");
    const url = new URL(element.dataset.url, window.location.href).href;
    if (navigator.share) {
      try { await navigator.share({ title: textOf(element), url }); return; } catch (error) { if (error.name === "AbortError") return; }
    }
    try {
      await navigator.clipboard.writeText(url);
      button.textContent = strings.copied;
    } catch (error) {
      window.prompt("", url); // no clipboard access (http, old browser): the address to copy by hand
    }
  });

  // A key event already on the page: scroll there. One not loaded yet: load it and what follows it, behind a
  // gap marker ("Ältere Einträge laden" above it fills the gap); if that fails, the link itself lands.
  document.getElementById("key-events-list").addEventListener("click", async (event) => {
    const link = event.target.closest("a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    const id = link.closest("li").dataset.entryId;
    let element = findEntry(id);
    event.preventDefault();
    if (!element) {
      const response = await fetch(link.getAttribute("href") + "?fragment=1", { headers: { "X-Requested-With": "fetch" } })
        .catch(() => null);
      if (!response || !response.ok) { window.location.href = link.href; return; }
      const holder = document.createElement("template");
      holder.innerHTML = await response.text();
      holder.content.querySelectorAll(".entry").forEach((entry) => {
        if (findEntry(entry.dataset.entryId)) entry.remove(); else decorate(entry);
      });
      const gap = document.createElement("p");
      gap.className = "entry-gap";
      gap.textContent = strings.gap;
      stream.append(gap, holder.content);
      element = findEntry(id);
      if (!element) { window.location.href = link.href; return; }
    }
    history.replaceState(null, "", element.dataset.url);
    highlight(element);
  });

  if (root.dataset.target) {
    const target = document.getElementById(root.dataset.target);
    if (target) highlight(target);
  }

  // --- editor tools ----------------------------------------------------------------------------------

  function decorate(element) {
    const share = element.querySelector(".entry__share");
    if (share) share.hidden = false;
    if (!canEdit || element.querySelector(".entry__controls")) return;
    const controls = document.getElementById("entry-controls").content.firstElementChild.cloneNode(true);
    controls.querySelector('[data-action="key"]').setAttribute("aria-pressed", element.dataset.key === "1");
    // A pinned entry's button says what it does now: "Lösen" (unpin), otherwise "Anheften".
    const pin = controls.querySelector('[data-action="pin"]');
    pin.removeAttribute("aria-pressed");
    pin.textContent = element.dataset.pinned === "1" ? pin.dataset.unpin : pin.dataset.pin;
    element.appendChild(controls);
  }

  document.querySelectorAll("#entries .entry").forEach(decorate);
  if (!canEdit) return;
  const apiUrl = root.dataset.apiUrl;

  async function api(method, url, body) {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), Accept: "application/json" },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = response.status === 204 ? null : await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, data };
  }

  // Compose: Ctrl+Enter publishes; the entry then arrives over the stream like for every reader.
  const compose = document.getElementById("compose-form");
  const composeStatus = document.getElementById("compose-status");
  if (!compose) return; // a closed newsblog: no compose box, only "Newsblog wieder öffnen"
  compose.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); compose.requestSubmit(); }
  });
  compose.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = document.getElementById("compose-submit");
    button.disabled = true;
    composeStatus.textContent = "";
    const result = await api("POST", apiUrl, {
      headline: compose.headline.value,
      body: compose.body.value,
      key_event: compose.key_event.checked,
      pinned: compose.pinned.checked,
      breaking: compose.breaking.checked,
    });
    button.disabled = false;
    if (result.ok) {
      compose.reset();
      composeStatus.textContent = strings.published;
      compose.body.focus();
    } else {
      composeStatus.textContent = strings.error + " " + ((result.data && result.data.detail) || result.status);
    }
  });

  document.querySelectorAll(".status-form [data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => { if (!window.confirm(button.dataset.confirm)) event.preventDefault(); });
  });

  const entryUrl = (id) => apiUrl + "/" + id;

  async function openEditor(element) {
    if (element.querySelector(".entry-edit")) return;
    const id = element.dataset.entryId;
    const current = await api("GET", entryUrl(id));
    if (!current.ok) return;
    const form = document.getElementById("entry-editor").content.firstElementChild.cloneNode(true);
    form.headline.value = current.data.headline;
    // The stored HTML opens in the rich-text editor (core/static/newsdesk/editor.js starts it on insertion).
    form.body.value = current.data.body;
    form.body.dataset.autofocus = "1";
    form.dataset.version = current.data.version;
    element.appendChild(form);
    form.querySelector('[data-action="cancel"]').addEventListener("click", () => form.remove());
    form.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); form.requestSubmit(); }
      if (event.key === "Escape") form.remove();
    });
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const result = await api("PATCH", entryUrl(id), {
        version: parseInt(form.dataset.version, 10), headline: form.headline.value, body: form.body.value,
      });
      if (result.ok) { form.remove(); return; }
      const status = form.querySelector(".form-status");
      if (result.status === 409 && result.data.current) {
        // Never overwrite silently: show the other version; saving again applies this text on top of it.
        const box = form.querySelector(".entry-edit__conflict");
        box.hidden = false;
        box.innerHTML = "";
        const intro = document.createElement("p");
        intro.textContent = result.data.detail + " " + strings.conflict;
        const theirs = document.createElement("div");
        theirs.className = "entry-edit__theirs";
        theirs.innerHTML = result.data.current.body; // sanitized on the server when it was saved
        box.append(intro, theirs);
        form.dataset.version = result.data.current.version;
        return;
      }
      status.textContent = strings.error + " " + ((result.data && result.data.detail) || result.status);
    });
  }

  document.getElementById("entries").addEventListener("click", async (event) => {
    const button = event.target.closest(".entry__controls button");
    if (!button) return;
    const element = button.closest(".entry");
    const id = element.dataset.entryId;
    const version = parseInt(element.dataset.version, 10);
    const action = button.dataset.action;
    if (action === "edit") return openEditor(element);
    if (action === "history") return openHistory(element);
    if (action === "article") return takeAsArticle(element, button);
    if (action === "delete") {
      // No "are you sure?": the delete is undone in one click for 10 seconds (and kept as a revision anyway).
      const result = await api("DELETE", entryUrl(id));
      if (!result.ok) window.alert(strings.error + " " + ((result.data && result.data.detail) || result.status));
      else offerUndo(id);
      return;
    }
    const field = action === "pin" ? "pinned" : "key_event";
    const value = (action === "pin" ? element.dataset.pinned : element.dataset.key) !== "1";
    const result = await api("PATCH", entryUrl(id), { version, [field]: value });
    if (!result.ok) window.alert(strings.error + " " + ((result.data && result.data.detail) || result.status));
  });

  // --- undo of a delete: "Eintrag gelöscht — Rückgängig" for 10 seconds --------------------------------

  const UNDO_SECONDS = 10;
  const toast = document.getElementById("undo-toast");
  let undoTimer = null;

  function hideToast() {
    clearTimeout(undoTimer);
    undoTimer = null;
    toast.hidden = true;
  }

  function offerUndo(id) {
    const text = toast.querySelector(".undo-toast__text");
    const button = toast.querySelector(".undo-toast__undo");
    text.textContent = strings.deleted;
    button.hidden = false;
    button.disabled = false;
    toast.dataset.entryId = id;
    toast.hidden = false;
    button.focus({ preventScroll: true });
    clearTimeout(undoTimer);
    undoTimer = setTimeout(hideToast, UNDO_SECONDS * 1000);
  }

  if (toast) {
    toast.querySelector(".undo-toast__undo").addEventListener("click", async (event) => {
      const button = event.currentTarget;
      button.disabled = true;
      clearTimeout(undoTimer);
      const result = await api("POST", entryUrl(toast.dataset.entryId) + "/restore");
      const text = toast.querySelector(".undo-toast__text");
      button.hidden = true;
      // The entry itself comes back through the stream, at its place, like for every reader.
      text.textContent = result.ok ? strings.restored
        : strings.error + " " + ((result.data && result.data.detail) || result.status);
      undoTimer = setTimeout(hideToast, 4000);
    });
    toast.querySelector(".undo-toast__close").addEventListener("click", hideToast);
    document.addEventListener("keydown", (event) => { if (event.key === "Escape" && !toast.hidden) hideToast(); });
  }

  // --- revision history: who changed what when, a word diff, "diese Fassung wiederherstellen" -------------

  const when = (iso) => new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "de-DE", {
    timeZone, day: "2-digit", month: "2-digit", hour: "2-digit", minute: "2-digit",
  }).format(new Date(iso));
  const actionLabel = (action) => strings["action" + action.charAt(0).toUpperCase() + action.slice(1)] || action;

  function option(version, selected) {
    const item = document.createElement("option");
    item.value = version.version;
    item.textContent = fmt(strings.versionLabel, { n: version.version }) + " · " + when(version.at);
    item.selected = selected;
    return item;
  }

  async function showDiff(panel, id, oldVersion, newVersion) {
    const box = panel.querySelector(".entry-history__diff");
    box.setAttribute("aria-busy", "true");
    const result = await api("GET", entryUrl(id) + "/diff?old=" + oldVersion + "&new=" + newVersion);
    box.removeAttribute("aria-busy");
    box.innerHTML = "";
    if (!result.ok) { box.textContent = strings.error + " " + ((result.data && result.data.detail) || result.status); return; }
    if (result.data.headline) {
      const headline = document.createElement("p");
      headline.className = "entry-history__diff-headline";
      headline.innerHTML = result.data.headline; // escaped on the server; only <ins>/<del> are tags
      box.appendChild(headline);
    }
    const body = document.createElement("p");
    body.innerHTML = result.data.body || ""; // escaped on the server; only <ins>/<del> are tags
    if (!box.querySelector("ins, del") && !body.querySelector("ins, del")) {
      const same = document.createElement("p");
      same.className = "hint";
      same.textContent = strings.noTextChange;
      box.appendChild(same);
    }
    box.appendChild(body);
  }

  async function openHistory(element) {
    const existing = element.querySelector(".entry-history");
    if (existing) { existing.remove(); return; }
    const id = element.dataset.entryId;
    const result = await api("GET", entryUrl(id) + "/revisions");
    if (!result.ok) { window.alert(strings.error + " " + ((result.data && result.data.detail) || result.status)); return; }
    const versions = result.data.versions;
    const panel = document.createElement("section");
    panel.className = "entry-history";
    panel.setAttribute("aria-label", strings.history);
    const title = document.createElement("h3");
    title.textContent = strings.history;
    panel.appendChild(title);
    if (result.data.article) {
      const link = document.createElement("p");
      const anchor = document.createElement("a");
      anchor.href = result.data.article.edit_url;
      anchor.textContent = fmt(strings.articleLink, { headline: result.data.article.headline });
      link.appendChild(anchor);
      panel.appendChild(link);
    }
    const list = document.createElement("ol");
    list.className = "entry-history__list";
    versions.forEach((version) => {
      const item = document.createElement("li");
      const label = document.createElement("span");
      label.className = "entry-history__who";
      label.textContent = fmt(strings.versionLabel, { n: version.version }) + " · " + when(version.at) + " · "
        + version.by + " · " + actionLabel(version.action) + (version.current ? " (" + strings.current + ")" : "");
      item.appendChild(label);
      if (!version.current && !result.data.deleted) {
        const restore = document.createElement("button");
        restore.type = "button";
        restore.className = "button button--small";
        restore.textContent = strings.revert;
        restore.addEventListener("click", async () => {
          const current = versions.find((v) => v.current);
          const done = await api("POST", entryUrl(id) + "/revert", { version: current.version, to_version: version.version });
          const status = panel.querySelector(".form-status");
          if (done.ok) { status.textContent = strings.reverted; panel.remove(); return; }
          status.textContent = strings.error + " " + ((done.data && done.data.detail) || done.status);
        });
        item.appendChild(restore);
      }
      list.appendChild(item);
    });
    panel.appendChild(list);
    if (versions.length > 1) {
      const compare = document.createElement("div");
      compare.className = "entry-history__compare";
      const older = document.createElement("select");
      const newer = document.createElement("select");
      older.setAttribute("aria-label", strings.compareOld);
      newer.setAttribute("aria-label", strings.compareNew);
      versions.forEach((v, n) => { older.appendChild(option(v, n === 1)); newer.appendChild(option(v, n === 0)); });
      const button = document.createElement("button");
      button.type = "button";
      button.className = "button button--small";
      button.textContent = strings.compare;
      button.addEventListener("click", () => showDiff(panel, id, older.value, newer.value));
      compare.append(older, " → ", newer, " ", button);
      panel.appendChild(compare);
      const diff = document.createElement("div");
      diff.className = "entry-history__diff";
      diff.setAttribute("aria-live", "polite");
      panel.appendChild(diff);
      showDiff(panel, id, versions[1].version, versions[0].version);
    }
    const status = document.createElement("p");
    status.className = "form-status";
    status.setAttribute("role", "status");
    panel.appendChild(status);
    element.appendChild(panel);
  }

  // --- "Als Artikel übernehmen": a new article draft from the entry, opened in the back office ------------

  async function takeAsArticle(element, button) {
    button.disabled = true;
    const result = await api("POST", entryUrl(element.dataset.entryId) + "/article");
    button.disabled = false;
    if (!result.ok) { window.alert(strings.error + " " + ((result.data && result.data.detail) || result.status)); return; }
    window.location.href = result.data.edit_url;
  }
})();
