// A search box marked data-submit-on-enter submits on Enter; Shift+Enter adds a newline (for pasted logs).
document.addEventListener('keydown', function (event) {
  var box = event.target;
  if (event.key !== 'Enter' || event.shiftKey || event.isComposing
      || !(box instanceof HTMLTextAreaElement) || !box.hasAttribute('data-submit-on-enter')) {
    return;
  }
  event.preventDefault();
  if (box.form) {
    box.form.requestSubmit();
  }
});
