// The page is the same for every reader (shared caches keep it). A reader who commented or reported has the
// reader cookie (comments/reader.py): their own waiting comments and one-time notices come from a private
// answer, fetched here and put into the section. Posts from this page say so (script=1): they come back here.
(function () {
  "use strict";
  var section = document.getElementById("kommentare");
  var own = document.getElementById("comments-own");
  if (!section || !own) return;
  section.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form || (form.getAttribute("method") || "").toLowerCase() !== "post") return;
    if (form.querySelector("input[name=script]")) return;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "script";
    input.value = "1";
    form.appendChild(input);
  }, true);
  var name = own.getAttribute("data-cookie");
  var hasCookie = document.cookie.split(";").some(function (part) {
    return part.trim().indexOf(name + "=") === 0;
  });
  if (!hasCookie || !window.fetch) return;
  fetch(own.getAttribute("data-own-url"), { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) return;
      own.innerHTML = data.html;  // server-rendered, every reader-supplied character escaped
      var count = section.querySelector(".comments__count");
      if (count && data.own) {
        var published = parseInt(count.getAttribute("data-published"), 10) || 0;
        count.setAttribute("data-own", data.own);
        count.textContent = "(" + (published + data.own) + ")";
      }
      var empty = document.getElementById("no-comments");
      if (empty && data.no_comments) empty.textContent = data.no_comments;
      if (window.location.hash === "#kommentare") section.scrollIntoView();
    })
    .catch(function () {});
})();

// Approved comments appear without reload: one EventSource on the comment stream of this page.
(function () {
  "use strict";
  var section = document.getElementById("kommentare");
  if (!section || !window.EventSource || section.getAttribute("data-live") !== "1") return;
  var list = document.getElementById("comment-list");
  var source = new EventSource(section.getAttribute("data-stream-url"));

  function fromHtml(html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();  // server-rendered, every reader-supplied character escaped
    return template.content.firstElementChild;
  }

  var featuredOnly = list.getAttribute("data-featured-only") === "1";

  function newThread(comment, id) {
    var wrapper = document.createElement("div");
    wrapper.className = "comment-thread";
    wrapper.setAttribute("data-thread-id", id);
    wrapper.appendChild(comment);
    var replies = document.createElement("div");
    replies.className = "comment-replies";
    wrapper.appendChild(replies);
    return wrapper;
  }

  // An editors' pick goes to the top (readers see the picks first); a mark taken away only changes the badge.
  source.addEventListener("comment.featured", function (event) {
    var data = JSON.parse(event.data);
    var old = list.querySelector("[data-comment-id='" + data.id + "']");
    var comment = fromHtml(data.html);
    if (old) old.replaceWith(comment);
    if (!data.featured || data.parent) return;
    var thread = list.querySelector("[data-thread-id='" + data.id + "']") || newThread(comment, data.id);
    var empty = document.getElementById("no-comments");
    if (empty) empty.remove();
    list.insertBefore(thread, list.firstChild);
  });

  source.addEventListener("comment.approved", function (event) {
    var data = JSON.parse(event.data);
    if (featuredOnly && !data.featured) return;
    var own = section.querySelector(".comment-own [data-comment-id='" + data.id + "']");
    if (own) own.closest(".comment-own").remove();
    if (list.querySelector("[data-comment-id='" + data.id + "']")) return;
    var comment = fromHtml(data.html);
    comment.classList.add("comment--new");
    var count = section.querySelector(".comments__count");
    if (!data.parent && count) {
      // The heading counts published threads plus the reader's own waiting ones: their own, now published,
      // moves from one to the other.
      var published = (parseInt(count.getAttribute("data-published"), 10) || 0) + 1;
      var ownWaiting = parseInt(count.getAttribute("data-own"), 10) || 0;
      if (own) ownWaiting = Math.max(0, ownWaiting - 1);
      count.setAttribute("data-published", published);
      count.setAttribute("data-own", ownWaiting);
      count.textContent = "(" + (published + ownWaiting) + ")";
    }
    var empty = document.getElementById("no-comments");
    if (empty) empty.remove();
    if (data.parent) {
      var thread = list.querySelector("[data-thread-id='" + data.parent + "'] .comment-replies");
      if (thread) thread.appendChild(comment);
      return;
    }
    // Below the editors' picks, which stay on top.
    var after = Array.prototype.find.call(list.children, function (thread) {
      return !thread.querySelector(":scope > .comment--featured");
    });
    list.insertBefore(newThread(comment, data.id), data.featured ? list.firstChild : (after || null));
  });

  // Report forms pushed live were rendered without a request: give them the page's CSRF token.
  section.addEventListener("submit", function (event) {
    var form = event.target.closest(".report-form");
    if (!form || form.querySelector("[name=csrfmiddlewaretoken]")) return;
    var token = section.querySelector("[name=csrfmiddlewaretoken]");
    if (!token) return;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "csrfmiddlewaretoken";
    input.value = token.value;
    form.appendChild(input);
  });

  source.addEventListener("comment.removed", function (event) {
    var data = JSON.parse(event.data);
    var node = list.querySelector("[data-comment-id='" + data.id + "']");
    if (!node) return;
    var thread = node.closest("[data-thread-id='" + data.id + "']");
    (thread || node).remove();
  });
})();
