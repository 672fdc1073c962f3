/*
 * /metiers/: the filters fold behind one button on a phone, and stay open on a wider screen.
 * Progressive enhancement: without this script the « Filtrer les métiers » button opens them.
 */
(function () {
  "use strict";

  var wide = window.matchMedia("(min-width: 48em)");

  function follow() {
    var folds = document.querySelectorAll("details.filters-fold");
    for (var i = 0; i < folds.length; i += 1) {
      if (wide.matches) {
        folds[i].open = true;
      }
    }
  }

  follow();
  if (wide.addEventListener) {
    wide.addEventListener("change", follow);
  }
})();
