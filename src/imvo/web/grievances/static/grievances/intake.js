// The public complaint form: while "I want to stay anonymous" is ticked, the fields that would
// identify the complainant are disabled. A field that already holds text stays enabled and a notice
// asks the complainant to clear it or untick "anonymous": what was typed is never dropped silently
// (the server refuses the combination too, so the form also works without this script).
(function () {
  "use strict";

  function setUp() {
    var toggle = document.querySelector("[data-anonymous-toggle]");
    if (!toggle) {
      return;
    }
    var fields = Array.prototype.slice.call(document.querySelectorAll("[data-identity]"));
    var notice = document.getElementById("anonymous-conflict");

    function update() {
      var conflict = false;
      fields.forEach(function (field) {
        var filled = field.value.trim() !== "";
        if (toggle.checked && filled) {
          conflict = true;
        }
        field.disabled = toggle.checked && !filled;
      });
      if (notice) {
        notice.hidden = !conflict;
      }
    }

    toggle.addEventListener("change", update);
    fields.forEach(function (field) {
      field.addEventListener("change", update);
    });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
