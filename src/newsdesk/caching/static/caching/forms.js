// Shared (cached) pages carry no CSRF token: every POST form on the page gets one from /csrf/ when the
// reader starts using it (focus, pointer, or at the latest when it is sent). Forms added to the page
// later (by other scripts) are covered too, since the listeners sit on the document.
(function () {
  "use strict";
  var meta = document.querySelector('meta[name="csrf-url"]');
  if (!meta || !window.fetch) return;
  var url = meta.content;
  var pending = null;

  function token() {
    if (!pending) {
      pending = fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("csrf " + response.status);
          return response.json();
        })
        .then(function (data) { return data.token; })
        .catch(function (error) { pending = null; throw error; });
    }
    return pending;
  }

  function postForm(target) {
    var form = target && target.closest ? target.closest("form") : null;
    if (!form || (form.getAttribute("method") || "").toLowerCase() !== "post") return null;
    return form;
  }

  function fill(form, value) {
    var input = form.querySelector('input[name="csrfmiddlewaretoken"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "csrfmiddlewaretoken";
      form.appendChild(input);
    }
    input.value = value;
  }

  function hasToken(form) {
    var input = form.querySelector('input[name="csrfmiddlewaretoken"]');
    return !!(input && input.value);
  }

  function prepare(event) {
    var form = postForm(event.target);
    if (!form || hasToken(form)) return;
    token().then(function (value) { fill(form, value); }, function () {});
  }

  document.addEventListener("focusin", prepare);
  document.addEventListener("pointerdown", prepare);
  document.addEventListener("submit", function (event) {
    var form = postForm(event.target);
    if (!form || hasToken(form)) return;
    // Sent before the token arrived: wait for it, then send again with the same button.
    event.preventDefault();
    event.stopPropagation(); // other scripts see the submit again, with the token
    var submitter = event.submitter || null;
    token().then(function (value) {
      fill(form, value);
      if (form.requestSubmit) form.requestSubmit(submitter); else form.submit();
    }, function () {
      form.submit(); // the server answers with a confirmation page that carries a token
    });
  }, true);

  // Scripts that post with fetch read the token from here (window.newsdeskCsrfToken().then(...)).
  window.newsdeskCsrfToken = token;
})();
