/* newsdesk desk panel: who else is at this newsblog's desk, who is writing, and the private desk chat.
   Heartbeats are small POSTs; everything others do arrives on the desk's own event stream (editors only).
   Works beside liveblogs/liveblog.js without touching it: it watches the compose box and the entry editors. */
(function () {
  "use strict";

  const panel = document.getElementById("desk-team");
  if (!panel) return;

  const strings = document.getElementById("desk-strings").dataset;
  const me = parseInt(panel.dataset.userId, 10);
  const myName = panel.dataset.username;
  const heartbeatMs = (parseFloat(panel.dataset.heartbeat) || 20) * 1000;
  const peopleList = document.getElementById("desk-people");
  const alone = document.getElementById("desk-alone");
  const typingLine = document.getElementById("desk-typing");
  const messageList = document.getElementById("desk-messages");
  const log = document.getElementById("desk-log"); // the scrolling live region around the list
  const empty = document.getElementById("desk-empty");
  const form = document.getElementById("desk-form");
  const input = document.getElementById("desk-input");
  const formStatus = document.getElementById("desk-form-status");
  const chat = document.getElementById("desk-chat");
  const unread = document.getElementById("desk-unread");
  const entries = document.getElementById("entries");
  const compose = document.getElementById("compose-form");

  const fmt = (template, values) => template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
  const csrfToken = () => {
    const field = form.querySelector("input[name=csrfmiddlewaretoken]");
    return (document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/) || [])[1] || (field ? field.value : "");
  };
  const listNames = (names) => names.length < 2 ? names.join("") :
    names.slice(0, -1).join(", ") + " " + strings.and + " " + names[names.length - 1];

  // --- presence ---------------------------------------------------------------------------------

  // Everybody present, with local deadlines: the server sends seconds from now, so a wrong clock does no harm.
  let people = [];

  function receivePeople(list) {
    const now = Date.now();
    people = list.map((person) => ({
      ...person,
      typingUntil: person.typing ? now + person.typing_seconds * 1000 : 0,
      expiresAt: now + person.expires_seconds * 1000,
    }));
    render();
  }

  function others() {
    const now = Date.now();
    return people.filter((person) => person.id !== me && person.expiresAt > now);
  }

  function render() {
    const now = Date.now();
    const present = others();
    peopleList.replaceChildren(...present.map((person) => {
      const item = document.createElement("li");
      item.className = "desk-person" + (person.typingUntil > now ? " desk-person--typing" : "");
      item.dataset.userId = person.id;
      const avatar = document.createElement("span");
      avatar.className = "desk-person__avatar";
      avatar.setAttribute("aria-hidden", "true");
      avatar.textContent = person.initials;
      const name = document.createElement("span");
      name.className = "desk-person__name";
      name.textContent = person.name;
      item.append(avatar, name);
      return item;
    }));
    alone.hidden = present.length > 0;
    const typing = present.filter((person) => person.typingUntil > now).map((person) => person.name);
    const text = !typing.length ? "" : typing.length === 1 ? fmt(strings.typingOne, { name: typing[0] })
      : fmt(strings.typingMany, { names: listNames(typing) });
    if (typingLine.textContent !== text) typingLine.textContent = text;
    markEditing(present);
  }

  // An entry someone else has open: a badge on it, and a notice in my editor if I open it too.
  function markEditing(present) {
    if (!entries) return;
    const byEntry = new Map();
    present.forEach((person) => {
      if (person.editing) byEntry.set(String(person.editing), [...(byEntry.get(String(person.editing)) || []), person.name]);
    });
    entries.querySelectorAll(".entry").forEach((element) => {
      const names = byEntry.get(element.dataset.entryId) || [];
      let badge = element.querySelector(".desk-editing-badge");
      if (names.length && !badge) {
        badge = document.createElement("p");
        badge.className = "desk-editing-badge";
        element.querySelector(".entry__meta").after(badge);
      }
      if (badge && !names.length) { badge.remove(); badge = null; }
      const badgeText = names.length ? fmt(strings.editingBadge, { name: listNames(names) }) : "";
      if (badge && badge.textContent !== badgeText) badge.textContent = badgeText; // unchanged: no DOM change
      const editor = element.querySelector(".entry-edit");
      if (!editor) return;
      let notice = editor.querySelector(".desk-editing-notice");
      if (names.length && !notice) {
        notice = document.createElement("p");
        notice.className = "desk-editing-notice";
        notice.setAttribute("role", "alert");
        editor.prepend(notice);
      }
      if (notice && !names.length) { notice.remove(); notice = null; }
      const noticeText = names.length ? fmt(strings.editing, { names: listNames(names) }) : "";
      if (notice && notice.textContent !== noticeText) notice.textContent = noticeText;
    });
  }

  setInterval(render, 1000); // "schreibt …" ends and absent people leave on time without a message

  let typedAt = 0;
  let sentTypingAt = 0;
  let editing = null;
  let timer = null;

  function currentlyEditing() {
    const editor = entries && entries.querySelector(".entry .entry-edit");
    return editor ? editor.closest(".entry").dataset.entryId : null;
  }

  async function heartbeat() {
    clearTimeout(timer);
    timer = setTimeout(heartbeat, heartbeatMs);
    const typing = Date.now() - typedAt < 4000;
    if (typing) sentTypingAt = Date.now();
    const body = new URLSearchParams({ typing: typing ? "1" : "0", editing: editing || "" });
    try {
      const response = await fetch(panel.dataset.presenceUrl, {
        method: "POST", credentials: "same-origin", body,
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      });
      if (response.ok) receivePeople((await response.json()).people);
      // The entry was deleted meanwhile (400): stay present, without it.
      else if (response.status === 400 && editing) { editing = null; heartbeat(); }
    } catch (error) { /* offline: the next heartbeat tries again */ }
  }

  // Typing: one signal at once, then at most every 3 s while it goes on, and "stopped" 4 s after the last key.
  let stopTimer = null;
  function typed() {
    typedAt = Date.now();
    if (Date.now() - sentTypingAt > 3000) heartbeat();
    clearTimeout(stopTimer);
    stopTimer = setTimeout(() => { if (Date.now() - typedAt >= 4000) heartbeat(); }, 4100);
  }

  function watchTyping(container) {
    if (!container || container.dataset.deskWatched) return;
    container.dataset.deskWatched = "1";
    // The rich-text editor is a contenteditable: its input events bubble like a textarea's.
    container.addEventListener("input", (event) => { if (!event.target.closest(".desk-team")) typed(); });
    container.addEventListener("submit", () => { typedAt = 0; setTimeout(heartbeat, 300); });
  }

  watchTyping(compose);
  if (entries) {
    watchTyping(entries);
    // liveblog.js opens and closes entry editors; whichever is open is "editing" for the others.
    new MutationObserver(() => {
      const now = currentlyEditing();
      if (now !== editing) {
        editing = now;
        heartbeat();
      }
      markEditing(others());
    }).observe(entries, { childList: true, subtree: true });
  }

  window.addEventListener("pagehide", () => {
    const data = new FormData();
    data.append("leave", "1");
    data.append("csrfmiddlewaretoken", csrfToken());
    if (navigator.sendBeacon) navigator.sendBeacon(panel.dataset.presenceUrl, data);
  });

  // --- desk chat ----------------------------------------------------------------------------------

  const announcer = document.createElement("div");
  announcer.className = "visually-hidden";
  announcer.setAttribute("aria-live", "polite");
  panel.append(announcer);

  function messageElement(message) {
    const item = document.createElement("li");
    item.className = "desk-message" + (message.mentions.includes(myName) ? " desk-message--me" : "");
    item.dataset.messageId = message.id;
    const meta = document.createElement("span");
    meta.className = "desk-message__meta";
    const author = document.createElement("strong");
    author.className = "desk-message__author";
    author.textContent = message.author;
    const time = document.createElement("time");
    time.dateTime = message.at;
    time.textContent = message.time;
    meta.append(author, " ", time);
    const text = document.createElement("span");
    text.className = "desk-message__text";
    message.segments.forEach((part) => {
      if (part.mention) {
        const mark = document.createElement("mark");
        mark.className = "desk-mention" + (part.mention === myName ? " desk-mention--me" : "");
        mark.textContent = part.text;
        text.append(mark);
      } else {
        text.append(part.text); // text nodes only: nothing in a message is ever HTML
      }
    });
    item.append(meta, " ", text);
    return item;
  }

  let unseen = 0;
  function addMessage(message, { live }) {
    if (messageList.querySelector(`[data-message-id="${message.id}"]`)) return;
    const item = messageElement(message);
    messageList.append(item);
    empty.hidden = true;
    while (messageList.children.length > 200) messageList.firstElementChild.remove();
    log.scrollTop = log.scrollHeight;
    if (live && message.author_id !== me) {
      if (!chat.open) {
        unseen += 1;
        unread.textContent = String(unseen);
        unread.hidden = false;
        // The list is a polite live region while open; closed, this one speaks.
        announcer.textContent = fmt(strings.announce, { name: message.author, text: message.text });
      }
    }
  }

  chat.addEventListener("toggle", () => {
    if (chat.open) { unseen = 0; unread.hidden = true; log.scrollTop = log.scrollHeight; }
    try { localStorage.setItem("newsdesk.deskChatOpen", chat.open ? "1" : "0"); } catch (error) { /* private mode */ }
  });
  try { if (localStorage.getItem("newsdesk.deskChatOpen") === "0") chat.open = false; } catch (error) { /* ignore */ }
  log.scrollTop = log.scrollHeight;

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const button = form.querySelector("button");
    button.disabled = true;
    formStatus.textContent = "";
    try {
      const response = await fetch(panel.dataset.chatUrl, {
        method: "POST", credentials: "same-origin", body: new URLSearchParams({ text }),
        headers: { "X-CSRFToken": csrfToken(), Accept: "application/json" },
      });
      const data = await response.json().catch(() => ({}));
      if (response.ok) {
        input.value = "";
        addMessage(data.message, { live: false });
      } else {
        formStatus.textContent = strings.error + " " + (data.detail || response.status);
      }
    } catch (error) {
      formStatus.textContent = strings.error + " " + strings.offline;
    } finally {
      button.disabled = false;
      input.focus();
    }
  });

  // --- the desk's event stream --------------------------------------------------------------------

  let source = null;
  let retryDelay = 1000;
  function connect() {
    if (!window.EventSource) return;
    // A new connection resumes after the newest message shown (the browser's own retries send Last-Event-ID).
    const shown = [...messageList.children].map((item) => parseInt(item.dataset.messageId, 10));
    const last = Math.max(parseInt(panel.dataset.lastMessage, 10) || 0, ...shown);
    const url = panel.dataset.eventsUrl + "?last_event_id=" + last;
    source = new EventSource(url);
    source.addEventListener("desk.presence", (event) => receivePeople(JSON.parse(event.data).people));
    source.addEventListener("desk.message", (event) => {
      const data = JSON.parse(event.data);
      addMessage(data.message || data, { live: true }); // through Pushpin the frame is the whole published message
    });
    source.addEventListener("open", () => { retryDelay = 1000; panel.dataset.connection = "open"; });
    source.addEventListener("error", () => {
      panel.dataset.connection = "reconnecting";
      if (source.readyState === EventSource.CLOSED) { // refused (403 after losing access) or a server error
        source = null;
        setTimeout(connect, retryDelay * (0.5 + Math.random()));
        retryDelay = Math.min(retryDelay * 2, 60000);
      }
    });
  }

  connect();
  heartbeat();
})();
