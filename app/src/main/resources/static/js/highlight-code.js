// Highlights the code blocks of a thread's posts (loaded after highlight.js; no inline script under the CSP).
// Auto-detection is limited to the languages of these forums, so a log is not read as, say, Lisp.
hljs.configure({languages: ['swift', 'objectivec', 'json', 'xml', 'bash', 'plaintext']});
document.querySelectorAll('.markdown pre code').forEach(function (block) {
  hljs.highlightElement(block);
});
