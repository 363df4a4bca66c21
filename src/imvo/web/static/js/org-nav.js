// Folds the organisation's navigation into its "Menu" button on a narrow screen and keeps it open on
// a wide one. Loaded without "defer" right after the menu, so a phone never paints it unfolded.
(function () {
  var menu = document.currentScript && document.currentScript.parentElement.querySelector(".org-nav__menu");
  if (!menu) { return; }
  var wide = window.matchMedia("(min-width: 60rem)");
  function follow() { menu.open = wide.matches; }
  follow();
  wide.addEventListener("change", follow);
})();
