/* Enlarge view for figures ({% figure %}): a native <dialog>; Enter opens, Escape closes, focus returns.
   Delegated, so figures in entries that arrive live or load later work the same. */
(function () {
  "use strict";
  document.addEventListener("click", (event) => {
    const link = event.target.closest("[data-enlarge]");
    if (!link) return;
    const dialog = document.getElementById(link.getAttribute("aria-controls"));
    if (!dialog || !dialog.showModal) return;  // without <dialog> support the link opens the picture itself
    event.preventDefault();
    dialog.showModal();
    dialog.querySelector(".lightbox__close").focus();
    dialog.addEventListener("close", () => link.focus(), { once: true });
  });
  document.addEventListener("click", (event) => {
    if (event.target.matches("dialog.lightbox")) event.target.close();
  });
})();
