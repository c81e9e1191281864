// The moderation cockpit. Keys: j/k move (nothing is selected until the moderator moves), a approves (keeps, in
// the reported queues), r opens the reason picker (1–5 rejects, Esc cancels), f features, x selects, u undoes
// the last decision, c opens the commenter drawer. Decisions are sent with fetch: the item leaves, the next one
// is focused, the counts update and "Freigegeben — Rückgängig" stays for 10 seconds. New comments arrive over
// the moderators' stream as a quiet "3 neue" button instead of items jumping under the cursor.
// Without JavaScript every form still posts and the server answers with the same queue and undo bar.
(function () {
  "use strict";
  var queue = document.getElementById("queue");
  if (!queue) return;
  var list = document.getElementById("queue-list");
  var picker = document.getElementById("reason-picker");
  var pickerNote = document.getElementById("picker-note");
  var counter = document.getElementById("bulk-count");
  var all = document.getElementById("select-all");
  var undoBar = document.getElementById("undo-bar");
  var undoIds = document.getElementById("undo-ids");
  var undoLabel = document.getElementById("undo-label");
  var newButton = document.getElementById("queue-new");
  var drawer = document.getElementById("drawer");
  var drawerBody = document.getElementById("drawer-body");
  var status = queue.getAttribute("data-status");
  var cap = parseInt(queue.getAttribute("data-count-cap") || "1000", 10);  // decided queues: "1000+"
  var index = -1;  // nothing selected until j/k (or a click): the first "a" cannot decide an unseen item
  var lastClicked = null;
  var undoTimer = null;
  var fresh = 0;
  var undoComments = [];  // the comments of the decision the undo bar offers: focused again after an undo
  function text(name, fallback) { return queue.getAttribute("data-text-" + name) || fallback; }

  function items() { return Array.prototype.slice.call(list.querySelectorAll(".queue-item")); }
  function current() { return index >= 0 ? items()[index] || null : null; }
  function boxes() { return items().map(function (item) { return item.querySelector(".queue-item__select"); }); }

  if (counter) counter.setAttribute("data-template", counter.textContent.replace(/\d+/, "%n"));
  function updateCount() {
    var n = 0;
    items().forEach(function (item) {
      var box = item.querySelector(".queue-item__select");
      var on = !!(box && box.checked);
      if (on) n++;
      item.classList.toggle("is-selected", on);
    });
    if (counter) counter.textContent = counter.getAttribute("data-template").replace("%n", n);
    if (all) all.checked = n > 0 && n === boxes().filter(Boolean).length;
  }

  function select(i) {
    var rows = items();
    if (!rows.length) { index = -1; return; }
    if (current()) current().classList.remove("is-current");
    index = Math.max(0, Math.min(rows.length - 1, i));
    rows[index].classList.add("is-current");
    rows[index].focus({preventScroll: true});
    rows[index].scrollIntoView({block: "nearest"});
  }

  function csrf() { return queue.querySelector("[name=csrfmiddlewaretoken]").value; }

  function post(url, data) {
    data.append("status", status);
    // The counts in the answer are those of the current view (story, commenter, search).
    var here = new URLSearchParams(window.location.search);
    ["ziel", "kommentator", "q", "sortierung"].forEach(function (key) {
      if (here.get(key) && !data.has(key)) data.append(key, here.get(key));
    });
    return fetch(url, {method: "POST", body: data, credentials: "same-origin",
                       headers: {"Accept": "application/json", "X-CSRFToken": csrf()}})
      .then(function (response) {
        return response.json().catch(function () { return {ok: false, message: response.statusText}; })
          .then(function (body) { body.httpStatus = response.status; return body; });
      });
  }

  function setCounts(counts) {
    if (!counts) return;
    Object.keys(counts).forEach(function (key) {
      var badge = queue.querySelector(".queue__count[data-queue='" + key + "']");
      if (badge) badge.textContent = counts[key] > cap ? cap + "+" : counts[key];
    });
  }

  function showUndo(label, ids, commentIds) {
    undoComments = (commentIds || []).map(String);
    undoIds.textContent = "";
    ids.forEach(function (id) {
      var input = document.createElement("input");
      input.type = "hidden"; input.name = "ids"; input.value = id;
      undoIds.appendChild(input);
    });
    undoLabel.textContent = label;
    undoBar.hidden = false;
    clearTimeout(undoTimer);
    undoTimer = setTimeout(function () { undoBar.hidden = true; }, 10000);
  }

  function flash(message) {
    undoLabel.textContent = message;
    undoIds.textContent = "";
    undoBar.hidden = false;
    clearTimeout(undoTimer);
    undoTimer = setTimeout(function () { undoBar.hidden = true; }, 6000);
  }

  // The items decided leave; the one now at the same place is focused (or the last one).
  function removeItems(commentIds) {
    var wasCurrent = current();
    var position = index;
    commentIds.forEach(function (id) {
      var item = document.getElementById("q-" + id);
      if (item) item.remove();
    });
    if (!items().length) {
      var empty = document.createElement("li");
      empty.className = "queue__empty";
      empty.textContent = text("done", "Alles erledigt.");
      list.appendChild(empty);
      index = -1;
      return;
    }
    if (wasCurrent && !wasCurrent.isConnected) { index = -1; select(position); }
    else if (wasCurrent) { index = items().indexOf(wasCurrent); }
    updateCount();
  }

  function decide(form, submitter) {
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    var id = form.closest(".queue-item").getAttribute("data-comment-id");
    return post(form.getAttribute("action"), data).then(function (body) {
      if (!body.ok) { flash(body.message || text("failed", "Nicht gespeichert.")); return; }
      removeItems([id]);
      setCounts(body.counts);
      if (body.decisions && body.decisions.length) showUndo(body.message, body.decisions, [id]);
      else flash(body.message);
    }).catch(function () { flash(text("offline", "Keine Verbindung: nichts gespeichert.")); });
  }

  // Reload the list in place (after an undo, or to take in the new comments), keeping the focus if possible.
  function reloadList(focusId) {
    return fetch(window.location.href, {credentials: "same-origin"}).then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("queue-list");
        if (!fresh) return;
        list.innerHTML = fresh.innerHTML;
        index = -1;
        var target = focusId && document.getElementById("q-" + focusId);
        if (target) select(items().indexOf(target));
        doc.querySelectorAll(".queue__count[data-queue]").forEach(function (badge) {
          var mine = queue.querySelector(".queue__count[data-queue='" + badge.getAttribute("data-queue") + "']");
          if (mine) mine.textContent = badge.textContent;
        });
        updateCount();
      });
  }

  function undo() {
    var inputs = undoIds.querySelectorAll("input");
    if (undoBar.hidden || !inputs.length) return;
    var data = new FormData();
    inputs.forEach(function (input) { data.append("ids", input.value); });
    clearTimeout(undoTimer);
    post(queue.getAttribute("data-undo-url"), data).then(function (body) {
      if (!body.ok) { flash(body.message); return; }
      undoIds.textContent = "";
      flash(body.message);
      // The comment is back at its place in the order: the moderator lands on it again, not on the first item.
      var back = undoComments[0] || null;
      reloadList(back).then(function () { if (items().length && index < 0) select(0); });
    });
  }

  document.getElementById("undo-form").addEventListener("submit", function (event) {
    event.preventDefault();
    undo();
  });
  if (!undoBar.hidden) {  // the no-script path's bar, shown after a full page load
    undoTimer = setTimeout(function () { undoBar.hidden = true; },
                           1000 * parseInt(undoLabel.getAttribute("data-seconds") || "10", 10));
  }

  list.addEventListener("submit", function (event) {
    var form = event.target.closest(".decide-form");
    if (!form) return;
    event.preventDefault();
    decide(form, event.submitter);
  });

  list.addEventListener("click", function (event) {
    var box = event.target.closest(".queue-item__select");
    var item = event.target.closest(".queue-item");
    if (!item) return;
    var rows = items();
    var i = rows.indexOf(item);
    if (box) {
      var all_ = boxes();
      if (event.shiftKey && lastClicked !== null && lastClicked !== i) {
        var from = Math.min(lastClicked, i), to = Math.max(lastClicked, i);
        for (var j = from; j <= to; j++) if (all_[j]) all_[j].checked = box.checked;
      }
      lastClicked = i;
      updateCount();
    }
    if (!event.target.closest("a, button, select, input")) select(i);
    else if (current() !== item) { if (current()) current().classList.remove("is-current"); index = i;
                                   item.classList.add("is-current"); }
    var link = event.target.closest("[data-drawer]");
    if (link && drawer && drawer.showModal) { event.preventDefault(); openDrawer(link.href); }
  });

  if (all) all.addEventListener("change", function () {
    boxes().forEach(function (box) { if (box) box.checked = all.checked; });
    updateCount();
  });

  var bulk = document.getElementById("bulk-form");
  if (bulk) bulk.addEventListener("submit", function (event) {
    event.preventDefault();
    var chosen = boxes().filter(function (box) { return box && box.checked; });
    if (!chosen.length) { if (counter) counter.classList.add("is-warning"); return; }
    var data = new FormData(bulk);
    if (event.submitter) data.append(event.submitter.name, event.submitter.value);
    chosen.forEach(function (box) { data.append("ids", box.value); });
    post(bulk.getAttribute("action"), data).then(function (body) {
      if (!body.ok) { flash(body.message); return; }
      removeItems(body.comments || []);
      setCounts(body.counts);
      if (all) all.checked = false;
      showUndo(body.message, body.decisions || [], body.comments || []);
    });
  });

  function reject(reason) {
    var item = current();
    var button = item && item.querySelector("[data-key=r]");
    if (!button) return;
    var form = button.form;
    form.querySelector("select[name=reason]").value = reason;
    var note = form.querySelector("input[name=note]");
    if (note && pickerNote && pickerNote.value) note.value = pickerNote.value;
    picker.hidden = true;
    if (pickerNote) pickerNote.value = "";
    decide(form, button);
  }

  function closePicker() { picker.hidden = true; if (current()) current().focus({preventScroll: true}); }
  picker.addEventListener("click", function (event) {
    var button = event.target.closest("[data-reason]");
    if (button) reject(button.getAttribute("data-reason"));
  });

  // --- the commenter drawer: its page in a dialog; its forms post and show the answer in place ---
  function showDrawer(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var content = doc.getElementById("drawer-content");
    drawerBody.textContent = "";
    if (content) drawerBody.appendChild(document.importNode(content, true));
  }
  function openDrawer(url) {
    drawer.setAttribute("data-url", url);
    fetch(url, {credentials: "same-origin"}).then(function (r) { return r.text(); }).then(function (html) {
      showDrawer(html);
      if (!drawer.open) drawer.showModal();
      var heading = drawerBody.querySelector("h1");
      if (heading) { heading.tabIndex = -1; heading.focus(); }
    });
  }
  if (drawer) {
    document.getElementById("drawer-close").addEventListener("click", function () { drawer.close(); });
    drawer.addEventListener("close", function () { if (current()) current().focus({preventScroll: true}); });
    drawerBody.addEventListener("submit", function (event) {
      event.preventDefault();
      var form = event.target;
      var data = new FormData(form);
      if (event.submitter && event.submitter.name) data.append(event.submitter.name, event.submitter.value);
      fetch(form.getAttribute("action") || drawer.getAttribute("data-url"),
            {method: "POST", body: data, credentials: "same-origin", headers: {"X-CSRFToken": csrf()}})
        .then(function (r) { return r.text(); }).then(function (html) {
          showDrawer(html);
          var focus = drawerBody.querySelector(".drawer__confirm button, .undo-bar button, [role=alert]");
          if (focus) { focus.tabIndex = focus.tabIndex || -1; focus.focus(); }
        });
    });
  }

  // --- the live queue: moderators' stream; new items wait behind a quiet counter ---
  function relevant(data) {
    var wanted = queue.getAttribute("data-target");
    if (wanted && data.target !== wanted) return false;
    if (data.type === "comment.new") return status === "pending";
    if (data.type === "comment.reported") return status === (data.source === "notice" ? "notices" : "reported");
    return false;
  }
  function countNew() {
    newButton.textContent = fresh + " " + newButton.getAttribute("data-template");
    newButton.hidden = fresh === 0;
  }
  if (window.EventSource && status) {
    var source = new EventSource(queue.getAttribute("data-stream-url"));
    ["comment.new", "comment.reported"].forEach(function (type) {
      source.addEventListener(type, function (event) {
        var data = JSON.parse(event.data);
        if (!relevant(data) || document.getElementById("q-" + data.id)) return;
        fresh += 1;
        countNew();
      });
    });
    source.addEventListener("comment.decided", function (event) {
      var data = JSON.parse(event.data);
      var item = document.getElementById("q-" + data.id);
      if (item && item !== current()) item.classList.add("is-stale");  // decided elsewhere; no jumping
    });
    newButton.addEventListener("click", function () {
      var keep = current() && current().getAttribute("data-comment-id");
      fresh = 0;
      countNew();
      reloadList(keep);
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (drawer && drawer.open) return;
    var tag = event.target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && event.target.type !== "checkbox")) {
      if (!(picker && !picker.hidden && event.key === "Escape")) return;
    }
    if (!picker.hidden) {
      var buttons = picker.querySelectorAll("[data-reason]");
      var n = parseInt(event.key, 10);
      if (n >= 1 && n <= buttons.length) { event.preventDefault(); reject(buttons[n - 1].getAttribute("data-reason")); }
      else if (event.key === "Escape") { event.preventDefault(); closePicker(); }
      return;
    }
    var item = current();
    if (event.key === "j") { event.preventDefault(); select(index + 1); }
    else if (event.key === "k") { event.preventDefault(); select(index < 0 ? 0 : index - 1); }
    else if (event.key === "u") { event.preventDefault(); undo(); }
    else if (!item) { return; }
    else if (event.key === "x") {
      var box = item.querySelector(".queue-item__select");
      if (box) { event.preventDefault(); box.checked = !box.checked; lastClicked = index; updateCount(); }
    } else if (event.key === "a" || event.key === "f") {
      var button = item.querySelector("[data-key=" + event.key + "]");
      if (button) { event.preventDefault(); decide(button.form, button); }
    } else if (event.key === "r" && item.querySelector("[data-key=r]")) {
      event.preventDefault();
      picker.hidden = false;
      picker.querySelector("[data-reason]").focus();
    } else if (event.key === "c" && drawer && drawer.showModal) {
      event.preventDefault();
      openDrawer(item.getAttribute("data-commenter-url"));
    }
  });
})();
