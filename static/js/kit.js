// Interview kit: « Imprimer » and « Copier le lien ». The kit works without this script;
// the buttons stay hidden until it runs. No inline code: the CSP allows only our own files.
(function () {
  "use strict";
  var actions = document.querySelector(".kit-actions");
  var link = document.querySelector(".kit-link a");
  if (!actions || !link) {
    return;
  }
  var status = actions.querySelector(".kit-action-status");

  function say(message) {
    status.textContent = message;
  }

  function selectLink() {
    var range = document.createRange();
    range.selectNodeContents(link);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  actions.querySelector(".kit-print").addEventListener("click", function () {
    window.print();
  });

  actions.querySelector(".kit-copy").addEventListener("click", function () {
    var url = link.href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(url).then(
        function () { say(actions.dataset.copied); },
        function () { selectLink(); say(actions.dataset.copyFailed); }
      );
    } else {
      selectLink();
      say(actions.dataset.copyFailed);
    }
  });

  actions.hidden = false;
}());
