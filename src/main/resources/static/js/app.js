// htmx requests carry the CSRF token of the page, like forms do.
document.addEventListener('htmx:configRequest', function (event) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
        event.detail.headers[header.content] = token.content;
    }
});
// A form submitted once stays submitted: its buttons are disabled until the next page (no double entries).
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.once !== undefined) {
        if (form.dataset.submitted) {
            event.preventDefault();
            return;
        }
        form.dataset.submitted = 'true';
        form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
    }
});
