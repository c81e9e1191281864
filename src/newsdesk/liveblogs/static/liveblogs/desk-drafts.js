/* newsdesk newsblog desk: autosave of the compose box, "Entwurf fortsetzen", drafts, preview, schedule and the
   approval queue. For the newsblog's editors and contributors only (the page includes it for them alone).
   The compose box and its rich-text editor are the page's own (liveblogs/_compose.html, newsdesk/editor.js);
   this script adds to them, it builds no second editor. The panels are refetched whenever the desk channel
   (liveblog.<id>.desk, an editors-only server-sent-event stream) says something changed. */
(function () {
  "use strict";

  const root = document.getElementById("liveblog");
  const desk = document.getElementById("desk");
  if (!root || !desk) return;
  const s = desk.dataset;
  const apiUrl = s.apiUrl;
  const compose = document.getElementById("compose-form");
  const composeStatus = document.getElementById("compose-status");
  const autosaveLine = document.getElementById("compose-autosave");
  const contributor = compose && compose.dataset.contributor === "1";
  const AUTOSAVE_DELAY = 1200; // ms after the last keystroke

  const fmt = (template, values) => template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
  const csrfToken = () => (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1] || "";
  const detail = (result) => (result.data && result.data.detail) || result.status;
  const clock = () => new Intl.DateTimeFormat("de-DE", { timeZone: root.dataset.timeZone || "Europe/Berlin",
                                                          hour: "2-digit", minute: "2-digit" }).format(new Date());

  async function api(method, url, body, options) {
    const response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), Accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      ...(options || {}),
    });
    const data = response.status === 204 ? null : await response.json().catch(() => ({}));
    return { ok: response.ok, status: response.status, data };
  }

  // --- the desk panels -----------------------------------------------------------------------------

  let refreshWanted = false;

  function busy() {
    // Never replace the panels under someone's hands: an open edit form, or a field they are typing in.
    return desk.querySelector(".entry-edit") || (desk.contains(document.activeElement) &&
      document.activeElement.matches("input, textarea, [contenteditable]"));
  }

  async function refreshDesk() {
    if (busy()) { refreshWanted = true; return; }
    refreshWanted = false;
    const response = await fetch(s.deskUrl, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .catch(() => null);
    if (!response || !response.ok) return;
    const holder = document.createElement("template");
    holder.innerHTML = (await response.text()).trim();
    const fresh = holder.content.querySelector("#desk-panels");
    const current = document.getElementById("desk-panels");
    if (!fresh || !current) return;
    if (busy()) { refreshWanted = true; return; }
    // Panels the person opened or closed stay that way.
    current.querySelectorAll("details[data-panel]").forEach((old) => {
      const match = fresh.querySelector(`details[data-panel="${old.dataset.panel}"]`);
      if (match && old.dataset.touched) { match.open = old.open; match.dataset.touched = "1"; }
    });
    current.replaceWith(fresh);
    root.dataset.deskPending = fresh.dataset.pending;
  }

  desk.addEventListener("toggle", (event) => {
    if (event.target.matches("details[data-panel]")) event.target.dataset.touched = "1";
  }, true);
  desk.addEventListener("focusout", () => { setTimeout(() => { if (refreshWanted) refreshDesk(); }, 50); });

  function follow() {
    if (!window.EventSource) return;
    const source = new EventSource(s.eventsUrl);
    source.addEventListener("desk.ready", refreshDesk);
    source.addEventListener("desk.changed", refreshDesk);
    source.addEventListener("open", () => { root.dataset.desk = "open"; });
    source.addEventListener("error", () => { root.dataset.desk = "reconnecting"; }); // the browser retries
  }
  follow();

  function itemStatus(item, text) {
    const line = item.querySelector(".desk-item__status-line");
    if (line) line.textContent = text;
  }

  async function act(item, method, suffix, body) {
    const id = item.dataset.entryId;
    const result = await api(method, apiUrl + "/" + id + suffix, body);
    if (!result.ok) { itemStatus(item, s.sError + " " + detail(result)); return result; }
    refreshDesk();
    return result;
  }

  function openDeskEditor(item) {
    if (item.querySelector(".entry-edit")) return;
    const template = document.getElementById("entry-editor");
    if (!template) return;
    api("GET", apiUrl + "/" + item.dataset.entryId).then((current) => {
      if (!current.ok) { itemStatus(item, s.sError + " " + detail(current)); return; }
      const form = template.content.firstElementChild.cloneNode(true);
      form.headline.value = current.data.headline;
      form.body.value = current.data.body; // the rich-text editor starts from it when inserted
      form.body.dataset.autofocus = "1";
      form.dataset.version = current.data.version;
      item.appendChild(form);
      const close = () => { form.remove(); refreshDesk(); };
      form.querySelector('[data-action="cancel"]').addEventListener("click", close);
      form.addEventListener("submit", async (event) => {
        event.preventDefault();
        const result = await api("PATCH", apiUrl + "/" + item.dataset.entryId, {
          version: parseInt(form.dataset.version, 10), headline: form.headline.value, body: form.body.value,
        });
        if (result.ok) { close(); return; }
        if (result.status === 409 && result.data.current) form.dataset.version = result.data.current.version;
        form.querySelector(".form-status").textContent = s.sError + " " + detail(result);
      });
    });
  }

  desk.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-desk]");
    if (!button) return;
    const item = button.closest(".desk-item");
    const action = button.dataset.desk;
    if (action === "edit") { openDeskEditor(item); return; }
    if (action === "delete" && !window.confirm(s.sConfirmDelete)) return;
    button.disabled = true;
    if (action === "approve") await act(item, "POST", "/approve");
    else if (action === "publish") await act(item, "POST", "/publish");
    else if (action === "submit") await act(item, "POST", "/submit");
    else if (action === "unschedule") await act(item, "POST", "/schedule", { publish_at: null });
    else if (action === "delete") await act(item, "DELETE", "");
    button.disabled = false;
  });

  desk.addEventListener("submit", async (event) => {
    const form = event.target.closest("form[data-desk-form]");
    if (!form) return;
    event.preventDefault();
    const item = form.closest(".desk-item");
    if (form.dataset.deskForm === "send-back") {
      await act(item, "POST", "/send-back", { note: form.note.value });
    } else if (form.dataset.deskForm === "move") {
      await act(item, "POST", "/schedule", { publish_at: form.publish_at.value });
    }
    form.querySelectorAll("input").forEach((input) => input.blur());
  });

  if (!compose) return; // a closed newsblog: the panels, no compose box

  // --- autosave: what is typed is on the server within seconds ----------------------------------------

  const bodyField = () => compose.querySelector('textarea[name="body"]');
  const autosaveUrl = compose.dataset.autosaveUrl;
  let timer = null;
  let inflight = null;
  let lastSent = null;

  function composed() {
    return { headline: compose.headline.value, body: bodyField().value };
  }

  async function autosave() {
    timer = null;
    const payload = composed();
    const key = JSON.stringify(payload);
    if (key === lastSent) return;
    if (inflight) await inflight;
    inflight = api("PUT", autosaveUrl, payload).then((result) => {
      if (result.ok) {
        lastSent = key;
        autosaveLine.textContent = result.status === 204 ? "" : fmt(s.sSaved, { time: clock() });
      } else {
        autosaveLine.textContent = s.sError + " " + detail(result);
      }
    }).catch(() => {}).finally(() => { inflight = null; });
    return inflight;
  }

  compose.addEventListener("input", (event) => {
    if (event.target.closest(".entry-edit") || event.target.type === "datetime-local") return;
    clearTimeout(timer);
    timer = setTimeout(autosave, AUTOSAVE_DELAY);
  });

  // Closing the tab mid-sentence: the last words still go out (keepalive outlives the page).
  function flush() {
    if (timer === null) return;
    clearTimeout(timer);
    timer = null;
    const payload = composed();
    if (JSON.stringify(payload) === lastSent) return;
    fetch(autosaveUrl, {
      method: "PUT", credentials: "same-origin", keepalive: true, body: JSON.stringify(payload),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
    }).catch(() => {});
  }
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });

  // Published (liveblog.js resets the form), saved as a draft or scheduled: nothing left to resume.
  compose.addEventListener("reset", () => {
    clearTimeout(timer);
    timer = null;
    lastSent = null;
    const banner = document.getElementById("compose-resume");
    if (banner) banner.remove();
    setTimeout(() => { autosaveLine.textContent = ""; }, 0);
    const after = inflight || Promise.resolve();
    after.then(() => api("DELETE", autosaveUrl)).catch(() => {});
  });

  function setBody(html) {
    const textarea = bodyField();
    textarea.value = html;
    if (textarea.richEditor) textarea.richEditor.commands.setContent(html, { emitUpdate: true });
  }

  const resume = document.getElementById("compose-resume-button");
  if (resume) {
    resume.addEventListener("click", () => {
      compose.headline.value = document.getElementById("compose-resume-headline").value;
      setBody(document.getElementById("compose-resume-body").innerHTML.trim());
      lastSent = JSON.stringify(composed());
      document.getElementById("compose-resume").remove();
      bodyField().focus();
    });
    document.getElementById("compose-resume-discard").addEventListener("click", async () => {
      await api("DELETE", autosaveUrl);
      document.getElementById("compose-resume").remove();
      refreshDesk();
    });
  }

  // --- draft, schedule, submit for approval --------------------------------------------------------------

  function marks() {
    const marked = {};
    ["key_event", "pinned", "breaking"].forEach((name) => { if (compose[name]) marked[name] = compose[name].checked; });
    return marked;
  }

  async function createFromCompose(extra, doneText) {
    clearTimeout(timer);
    timer = null;
    composeStatus.textContent = "";
    const result = await api("POST", apiUrl, { ...composed(), ...marks(), ...extra });
    if (!result.ok) { composeStatus.textContent = s.sError + " " + detail(result); return; }
    compose.reset();
    composeStatus.textContent = doneText;
    refreshDesk();
  }

  document.getElementById("compose-draft").addEventListener("click", () => createFromCompose({ status: "draft" }, s.sDraft));
  const scheduleButton = document.getElementById("compose-schedule");
  if (scheduleButton) {
    scheduleButton.addEventListener("click", () => {
      const at = document.getElementById("compose-publish-at").value;
      if (!at) { composeStatus.textContent = s.sNoTime; return; }
      createFromCompose({ publish_at: at }, s.sScheduled); // local Berlin time; the server reads it so
    });
  }
  if (contributor) {
    // liveblog.js handles the editors' publishing; a contributor's entry goes to the approval queue instead.
    compose.addEventListener("submit", (event) => {
      event.preventDefault();
      createFromCompose({}, s.sSubmitted);
    });
  }

  // --- preview: the reader template, saved nowhere ------------------------------------------------------

  const preview = document.getElementById("compose-preview");
  const previewBody = document.getElementById("compose-preview-body");
  document.getElementById("compose-preview-button").addEventListener("click", async () => {
    const form = new URLSearchParams({ ...composed() });
    Object.entries(marks()).forEach(([name, value]) => form.set(name, value ? "true" : "false"));
    const response = await fetch(compose.dataset.previewUrl, {
      method: "POST", credentials: "same-origin", body: form,
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
    }).catch(() => null);
    preview.hidden = false;
    if (!response) { previewBody.textContent = s.sError; return; }
    const text = await response.text();
    if (response.ok) previewBody.innerHTML = text; // rendered by the server from the sanitized text
    else previewBody.textContent = s.sError + " " + text;
    preview.scrollIntoView({ block: "nearest" });
  });
  document.getElementById("compose-preview-close").addEventListener("click", () => { preview.hidden = true; });
})();
