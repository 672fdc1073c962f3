/*
 * Suggestions under the header search box, as the reader types: role names and alternate
 * titles from roles:suggestions (JSON). Progressive enhancement: without this script the
 * form submits to /recherche/ as before. ARIA 1.2 combobox pattern: the input is the
 * combobox, the list a listbox; arrows move the active option (aria-activedescendant),
 * Enter opens it (or submits the form when none is active), Escape closes the list.
 * Texts come from data- attributes the template translates.
 */
(function () {
  "use strict";

  var DELAY = 150; // ms of quiet typing before asking the server
  var MIN_LENGTH = 2;

  function setUp(form) {
    var input = form.querySelector("input[name=q]");
    var endpoint = form.getAttribute("data-suggestions");
    if (!input || !endpoint || !window.fetch) {
      return;
    }
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.getAttribute("data-label"));
    list.hidden = true;
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("autocomplete", "off");

    var items = [];
    var active = -1;
    var timer = null;
    var asked = 0; // the last request sent: older answers are dropped

    function options() {
      return list.querySelectorAll("[role=option]");
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function activate(index) {
      var all = options();
      if (!all.length) {
        return;
      }
      active = (index + all.length) % all.length;
      all.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === active ? "true" : "false");
      });
      input.setAttribute("aria-activedescendant", all[active].id);
      all[active].scrollIntoView({ block: "nearest" });
    }

    function open() {
      if (!items.length) {
        return;
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function go(index) {
      window.location.assign(items[index].url);
    }

    function show(found) {
      items = found;
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      found.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var title = document.createElement("span");
        title.className = "suggestion-title";
        title.textContent = item.alias || item.name;
        option.appendChild(title);
        if (item.alias) {
          var role = document.createElement("span");
          role.className = "suggestion-role";
          role.textContent = item.name;
          option.appendChild(document.createTextNode(" "));
          option.appendChild(role);
        }
        // mousedown, not click: the input keeps the focus, so the list is still there
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
          go(i);
        });
        list.appendChild(option);
      });
      var message = found.length
        ? form.getAttribute("data-status").replace("{count}", found.length)
        : form.getAttribute("data-status-none");
      status.textContent = message;
      if (found.length) {
        open();
      } else {
        close();
      }
    }

    function ask() {
      var text = input.value.trim();
      if (text.length < MIN_LENGTH) {
        items = [];
        list.textContent = "";
        status.textContent = "";
        close();
        return;
      }
      var number = ++asked;
      var url = endpoint + "?q=" + encodeURIComponent(text.slice(0, 200));
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (number === asked && document.activeElement === input) {
            show(data.suggestions || []);
          }
        })
        .catch(function () {
          /* no suggestions: the form still searches */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!items.length) {
          return;
        }
        event.preventDefault();
        if (!expanded) {
          open();
        }
        activate(event.key === "ArrowDown" ? active + 1 : active < 0 ? -1 : active - 1);
      } else if (event.key === "Enter" && expanded && active >= 0) {
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape" && expanded) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
    input.addEventListener("focus", function () {
      if (items.length && input.value.trim().length >= MIN_LENGTH) {
        open();
      }
    });
  }

  document.querySelectorAll("form[data-suggestions]").forEach(setUp);
})();
