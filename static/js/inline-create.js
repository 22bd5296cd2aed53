// "+ nieuw debat" next to a searchable select (data-create-url): the form to create one opens in
// a dialog; what is created is added to the select and chosen, and the clerk's other input on
// the page stays as it was. The page (register/reference_views.py) answers the new choice as JSON.
(function () {
  "use strict";
  let dialog = null;
  function openDialog(select) {
    const url = select.dataset.createUrl + "?inline=1";
    if (!dialog) {
      dialog = document.createElement("dialog");
      dialog.className = "inline-create";
      dialog.setAttribute("aria-labelledby", "inline-create-title");
      document.body.appendChild(dialog);
      dialog.addEventListener("click", (event) => {
        if (event.target.closest("[data-close]")) dialog.close();
      });
    }
    fetch(url, {credentials: "same-origin"}).then((r) => r.text()).then((html) => {
      dialog.innerHTML = html;
      dialog.showModal();
      const first = dialog.querySelector("input:not([type=hidden]), select, textarea");
      if (first) first.focus();
      dialog.onsubmit = (event) => {
        event.preventDefault();
        const form = event.target;
        fetch(url, {method: "POST", body: new FormData(form), credentials: "same-origin",
                    headers: {Accept: "application/json"}})
          .then((response) => {
            if (response.status === 201) {
              return response.json().then((choice) => {
                const control = select.tomselect;
                if (control) {
                  control.addOption(choice);
                  control.addItem(choice.value);
                } else {
                  select.add(new Option(choice.text, choice.value, true, true));
                }
                dialog.close();
                (control ? control.control_input : select).focus();
              });
            }
            return response.text().then((html) => { dialog.innerHTML = html; });
          });
      };
    });
  }
  document.querySelectorAll("select[data-create-url]").forEach((select) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "link-button inline-create-button";
    button.textContent = select.dataset.createLabel;
    button.addEventListener("click", () => openDialog(select));
    const wrapper = select.tomselect ? select.tomselect.wrapper : select;
    wrapper.insertAdjacentElement("afterend", button);
  });
})();
