/* Enlarge view for figures ({% figure %}): a native <dialog>; Enter opens, Escape closes, focus returns. */
(function () {
  "use strict";
  document.querySelectorAll("[data-enlarge]").forEach((link) => {
    const dialog = document.getElementById(link.getAttribute("aria-controls"));
    if (!dialog || !dialog.showModal) return;  // without <dialog> support the link opens the picture itself
    link.addEventListener("click", (event) => {
      event.preventDefault();
      dialog.showModal();
      dialog.querySelector(".lightbox__close").focus();
    });
    dialog.addEventListener("close", () => link.focus());
    dialog.addEventListener("click", (event) => { if (event.target === dialog) dialog.close(); });
  });
})();
