// Moderation queue keys: j/k move, x selects, a approves (or keeps a reported comment), r opens the reason
// picker (1–5 rejects, Esc cancels). Checkboxes: shift-click selects the range from the last click.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
  var picker = document.getElementById("reason-picker");
  if (!items.length) return;
  var index = 0;
  var boxes = items.map(function (item) { return item.querySelector(".queue-item__select"); });
  var counter = document.getElementById("bulk-count");
  var all = document.getElementById("select-all");
  var lastClicked = null;

  function updateCount() {
    var n = boxes.filter(function (box) { return box && box.checked; }).length;
    items.forEach(function (item, i) { item.classList.toggle("is-selected", !!(boxes[i] && boxes[i].checked)); });
    if (counter) counter.textContent = (counter.getAttribute("data-template") || "%n ausgewählt").replace("%n", n);
    if (all) all.checked = n > 0 && n === boxes.filter(Boolean).length;
  }
  if (counter) counter.setAttribute("data-template", counter.textContent.replace(/\d+/, "%n"));

  function select(i) {
    items[index].classList.remove("is-current");
    index = Math.max(0, Math.min(items.length - 1, i));
    items[index].classList.add("is-current");
    items[index].focus({preventScroll: true});
    items[index].scrollIntoView({block: "nearest"});
  }

  boxes.forEach(function (box, i) {
    if (!box) return;
    box.addEventListener("click", function (event) {
      if (event.shiftKey && lastClicked !== null && lastClicked !== i) {
        var from = Math.min(lastClicked, i), to = Math.max(lastClicked, i);
        for (var j = from; j <= to; j++) if (boxes[j]) boxes[j].checked = box.checked;
      }
      lastClicked = i;
      select(i);
      updateCount();
    });
  });
  if (all) all.addEventListener("change", function () {
    boxes.forEach(function (box) { if (box) box.checked = all.checked; });
    updateCount();
  });
  var bulk = document.getElementById("bulk-form");
  if (bulk) bulk.addEventListener("submit", function (event) {
    if (!boxes.some(function (box) { return box && box.checked; })) {
      event.preventDefault();
      if (counter) counter.classList.add("is-warning");
    }
  });

  function reject(reason) {
    var button = items[index].querySelector("[data-key=r]");
    if (!button) return;
    button.form.querySelector("select[name=reason]").value = reason;
    button.click();  // submits the item's form with action=reject
  }

  function closePicker() { picker.hidden = true; items[index].focus({preventScroll: true}); }

  picker.addEventListener("click", function (event) {
    var button = event.target.closest("[data-reason]");
    if (button) reject(button.getAttribute("data-reason"));
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var tag = event.target.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT" || (tag === "INPUT" && event.target.type !== "checkbox")) return;
    if (!picker.hidden) {
      var buttons = picker.querySelectorAll("[data-reason]");
      var n = parseInt(event.key, 10);
      if (n >= 1 && n <= buttons.length) { event.preventDefault(); reject(buttons[n - 1].getAttribute("data-reason")); }
      else if (event.key === "Escape") { event.preventDefault(); closePicker(); }
      return;
    }
    if (event.key === "j") { event.preventDefault(); select(index + 1); }
    else if (event.key === "k") { event.preventDefault(); select(index - 1); }
    else if (event.key === "x" && boxes[index]) {
      event.preventDefault();
      boxes[index].checked = !boxes[index].checked;
      lastClicked = index;
      updateCount();
    } else if (event.key === "a") {
      var approve = items[index].querySelector("[data-key=a]");
      if (approve) { event.preventDefault(); approve.click(); }
    } else if (event.key === "r" && items[index].querySelector("[data-key=r]")) {
      event.preventDefault();
      picker.hidden = false;
      picker.querySelector("[data-reason]").focus();
    }
  });
})();
