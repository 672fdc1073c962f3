// Job ad: « Copier le texte » copies the ad as Markdown. The page works without this script;
// the button stays hidden until it runs. No inline code: the CSP allows only our own files.
(function () {
  "use strict";
  var actions = document.querySelector(".job-ad-actions");
  var text = document.getElementById("job-ad-text");
  if (!actions || !text) {
    return;
  }
  var status = actions.querySelector(".kit-action-status");

  function fallBack() {
    text.hidden = false;
    text.focus();
    text.select();
    status.textContent = actions.dataset.copyFailed;
  }

  actions.querySelector(".job-ad-copy").addEventListener("click", function () {
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text.value).then(
        function () { status.textContent = actions.dataset.copied; },
        fallBack
      );
    } else {
      fallBack();
    }
  });

  actions.hidden = false;
}());
