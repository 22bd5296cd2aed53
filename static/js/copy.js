// The copy buttons next to the feed addresses: the address to the clipboard, the button says so.
// Without the clipboard API (a page not served over https), the address is selected instead,
// so Ctrl+C copies it.
document.addEventListener("click", (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  field.select();
  const done = () => {
    button.textContent = button.dataset.copied;
    button.setAttribute("aria-live", "polite");
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).then(done, () => {});
  } else if (document.execCommand && document.execCommand("copy")) {
    done();
  }
});
