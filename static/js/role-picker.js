/*
 * Role boxes of the career path and comparison forms (input.role-input[data-suggestions]):
 * as the reader types, the names of matching roles from roles:suggestions (JSON) are offered
 * in the browser's own list (<datalist>). Progressive enhancement: without this script the
 * box takes a role's name or address name (slug) and the form works the same.
 */
(function () {
  "use strict";

  var DELAY = 150; // ms of quiet typing before asking the server
  var MIN_LENGTH = 2;
  var LIMIT = 8;

  function setUp(input, index) {
    var endpoint = input.getAttribute("data-suggestions");
    if (!endpoint || !window.fetch) {
      return;
    }
    var list = document.createElement("datalist");
    list.id = (input.id || "metier-" + index) + "-propositions";
    input.parentNode.appendChild(list);
    input.setAttribute("list", list.id);
    var timer = null;
    var asked = "";

    function show(suggestions) {
      while (list.firstChild) {
        list.removeChild(list.firstChild);
      }
      var seen = {};
      suggestions.forEach(function (suggestion) {
        if (seen[suggestion.name]) {
          return;
        }
        seen[suggestion.name] = true;
        var option = document.createElement("option");
        option.value = suggestion.name;
        if (suggestion.alias) {
          option.label = suggestion.alias;
        }
        list.appendChild(option);
      });
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH || text === asked) {
        return;
      }
      asked = text;
      var url = endpoint + "?q=" + encodeURIComponent(text) + "&limit=" + LIMIT;
      window
        .fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === text) {
            show(data.suggestions || []);
          }
        })
        .catch(function () {
          /* no suggestions: the box still takes what is typed */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });
  }

  var inputs = document.querySelectorAll("input.role-input[data-suggestions]");
  for (var i = 0; i < inputs.length; i += 1) {
    setUp(inputs[i], i);
  }
})();
