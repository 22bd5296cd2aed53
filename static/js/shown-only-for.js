// A field that belongs to some choices only (the delivery date to "Afgedaan" and "Deels
// afgedaan", register.forms.shown_only_for): shown, and sent, only while one of them is picked.
// A disabled field keeps what was typed, so picking the status again brings it back. Without
// JavaScript the field stays, and the model refuses a value where it does not belong.
function showOnlyFor(form) {
  const data = new FormData(form);
  form.querySelectorAll("[data-shown-by]").forEach((input) => {
    const wrapper = input.closest(".field") || input;
    // A field with an error stays in sight: its message asks for a change.
    const shown = input.dataset.shownFor.split(" ").includes(data.get(input.dataset.shownBy))
      || wrapper.classList.contains("has-error");
    wrapper.hidden = !shown;
    input.disabled = !shown;
  });
}

document.addEventListener("change", (event) => {
  if (event.target.form) showOnlyFor(event.target.form);
});
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("form:has([data-shown-by])").forEach(showOnlyFor);
});
