// The public pages' file picker (templates/grievances/widgets/file_picker.html): shows the names of
// the chosen files next to the button, in place of the browser's own text. Without this script the
// picker still works; only the list of names is missing.
(function () {
  "use strict";

  function show(input) {
    var names = input.closest(".file-picker").querySelector(".file-picker__names");
    var chosen = Array.prototype.map.call(input.files || [], function (file) {
      return file.name;
    });
    names.textContent = chosen.length ? chosen.join(", ") : names.getAttribute("data-none");
  }

  function setUp() {
    document.querySelectorAll("[data-file-picker]").forEach(function (input) {
      input.addEventListener("change", function () {
        show(input);
      });
      show(input);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
