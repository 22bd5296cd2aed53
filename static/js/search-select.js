// Searchable selects: every <select data-search> becomes a tom-select (static/vendor). With a
// URL in data-search the options are found on the server as the user types
// (register/views.choices); without one, among the select's own options. The original select
// stays in the form and gets the value, so forms and the list filters work as before.
(function () {
  "use strict";
  function escapeHtml(text) {
    const div = document.createElement("div");
    div.textContent = text || "";
    return div.innerHTML;
  }
  function remote(select, url) {
    // The values of the server's answer to what is typed now: the list shows those and only
    // those, never what an earlier, shorter search found ("g" finds more than "graaf").
    let answered = new Set();
    let failed = false;
    return {
      valueField: "value",
      labelField: "text",
      searchField: ["text"],
      // The server matched the words already (in more than the label): show what it found.
      score: () => (option) => (answered.has(String(option.value)) ? 1 : 0),
      loadThrottle: 250,
      shouldLoad: (query) => query.trim().length > 0,
      load: function (query, callback) {
        // Every search asks the server: tom-select's cache would show, after a backspace, the
        // answer to a longer search.
        this.loadedSearches = {};
        const address = url + (url.includes("?") ? "&" : "?") + "q=" + encodeURIComponent(query);
        const show = (results, failure) => {
          // A slow answer to what was typed before: the search for what is typed now is on
          // its way, and its answer is the one to show.
          if (this.inputValue() !== query) return callback();
          answered = new Set(results.map((result) => String(result.value)));
          failed = failure;
          callback(results);
        };
        fetch(address, {headers: {Accept: "application/json"}, credentials: "same-origin"})
          .then((response) => (response.ok ? response.json() : Promise.reject(response)))
          .then((data) => show(data.results, false))
          .catch(() => show([], true));
      },
      render: {
        // A search the server could not answer is not a search that found nothing.
        no_results: (data) => '<div class="no-results">' + escapeHtml(
          !data.input ? select.dataset.typeMore
            : failed ? select.dataset.searchFailed : select.dataset.noResults) + "</div>",
      },
    };
  }
  function enhance(select) {
    if (select.tomselect) return;
    const url = select.dataset.search;
    // The empty choice ("---------") is not an item to pick: a placeholder says what to do, and
    // the clear button empties a field that may be empty.
    const plugins = select.multiple ? ["remove_button"] : select.required ? [] : ["clear_button"];
    const settings = {
      maxOptions: 200,
      placeholder: select.dataset.placeholder,
      hidePlaceholder: true,
      plugins: plugins,
      render: {
        no_results: () => '<div class="no-results">' + escapeHtml(select.dataset.noResults) + "</div>",
      },
    };
    if (url) {
      const dossier = select.dataset.dossier;
      const address = dossier ? url + "?dossier=" + encodeURIComponent(dossier) : url;
      Object.assign(settings, remote(select, address));
    }
    new TomSelect(select, settings);
    // tom-select moves the label to its typing field, the one combobox a screen reader meets;
    // the original select only carries the value now (and cannot be reached with Tab).
    select.setAttribute("aria-hidden", "true");
  }
  function enhanceAll(root) {
    root.querySelectorAll("select[data-search]").forEach(enhance);
  }
  enhanceAll(document);
  // Parts of a page replaced by htmx (a list's results) may bring selects of their own.
  document.addEventListener("htmx:afterSettle", (event) => enhanceAll(event.target));
})();
