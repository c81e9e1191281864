// Moderation queue keys: j/k move, a approves, r opens the reason picker (1–5 rejects, Esc cancels).
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
  var picker = document.getElementById("reason-picker");
  if (!items.length) return;
  var index = 0;

  function select(i) {
    items[index].classList.remove("is-current");
    index = Math.max(0, Math.min(items.length - 1, i));
    items[index].classList.add("is-current");
    items[index].focus({preventScroll: true});
    items[index].scrollIntoView({block: "nearest"});
  }

  function reject(reason) {
    var form = items[index].querySelector(".reject-form");
    if (!form) return;
    form.querySelector("select[name=reason]").value = reason;
    form.submit();
  }

  function closePicker() { picker.hidden = true; items[index].focus({preventScroll: true}); }

  picker.addEventListener("click", function (event) {
    var button = event.target.closest("[data-reason]");
    if (button) reject(button.getAttribute("data-reason"));
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    if (!picker.hidden) {
      var buttons = picker.querySelectorAll("[data-reason]");
      var n = parseInt(event.key, 10);
      if (n >= 1 && n <= buttons.length) { event.preventDefault(); reject(buttons[n - 1].getAttribute("data-reason")); }
      else if (event.key === "Escape") { event.preventDefault(); closePicker(); }
      return;
    }
    if (event.key === "j") { event.preventDefault(); select(index + 1); }
    else if (event.key === "k") { event.preventDefault(); select(index - 1); }
    else if (event.key === "a") {
      var approve = items[index].querySelector("[data-key=a]");
      if (approve) { event.preventDefault(); approve.click(); }
    } else if (event.key === "r" && items[index].querySelector(".reject-form")) {
      event.preventDefault();
      picker.hidden = false;
      picker.querySelector("[data-reason]").focus();
    }
  });
})();
