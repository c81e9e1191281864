/* The newsblog page's "Einbetten" box (editors only): copies an embed code to the clipboard. */
(function () {
  "use strict";

  const box = document.getElementById("embed-code");
  if (!box) return;
  const status = document.getElementById("embed-code-status");

  box.addEventListener("click", async (event) => {
    const button = event.target.closest("[data-copy]");
    if (!button) return;
    const field = document.getElementById(button.dataset.copy);
    field.focus();
    field.select();
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = box.dataset.copied;
    } catch (error) {
      status.textContent = box.dataset.selected; // no clipboard access (plain http): the code stays selected
    }
  });
})();
