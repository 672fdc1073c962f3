/*
 * The salary explorer's role field (/salaires/): as the reader types, a <datalist> offers
 * the roles from roles:suggestions (JSON), each as its slug with its name as label.
 * Progressive enhancement: without this script the field takes a slug or part of a name.
 */
(function () {
  "use strict";

  var input = document.querySelector("input[data-suggestions-url]");
  if (!input || !window.fetch) {
    return;
  }
  var list = document.createElement("datalist");
  list.id = input.id + "-suggestions";
  input.parentNode.appendChild(list);
  input.setAttribute("list", list.id);
  var timer = null;
  var asked = 0;

  function show(found) {
    list.textContent = "";
    found.forEach(function (item) {
      var parts = (item.url || "").split("/").filter(Boolean);
      var option = document.createElement("option");
      option.value = parts.length ? parts[parts.length - 1] : item.name;
      option.label = item.alias ? item.name + " (" + item.alias + ")" : item.name;
      option.textContent = option.label;
      list.appendChild(option);
    });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var text = input.value.trim();
      if (text.length < 2) {
        return;
      }
      var number = ++asked;
      var url = input.getAttribute("data-suggestions-url") + "?q=" + encodeURIComponent(text.slice(0, 200));
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (number === asked) {
            show(data.suggestions || []);
          }
        })
        .catch(function () {
          /* no suggestions: the field still filters */
        });
    }, 150);
  });
})();
