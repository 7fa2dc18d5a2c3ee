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
// No page carries inline script (the Content-Security-Policy forbids it): what pages did with on…= attributes is here,
// asked for by data- attributes.
// data-autosubmit: a select or field whose change submits its form (filters of unit, year, type).
document.addEventListener('change', function (event) {
    var field = event.target;
    if (field.dataset && field.dataset.autosubmit !== undefined && field.form) {
        field.form.requestSubmit ? field.form.requestSubmit() : field.form.submit();
    }
});
// data-confirm="…": a form that asks before it is sent (resetting a password, revoking tokens).
document.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    }
}, true);
// data-no-enter: a search field inside another form, where Enter must not send the outer form.
document.addEventListener('keydown', function (event) {
    var field = event.target;
    if (event.key === 'Enter' && field.dataset && field.dataset.noEnter !== undefined) {
        event.preventDefault();
    }
});
// data-fill="id" data-value="…": a button that puts a value into the field with that id (choosing a found member).
document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-fill]') : null;
    if (button) {
        var field = document.getElementById(button.dataset.fill);
        if (field) {
            field.value = button.dataset.value;
        }
    }
});
// data-count-rows="selector": an htmx request that sends how many rows the page already has (more rows of fast entry).
document.addEventListener('htmx:configRequest', function (event) {
    var source = event.detail.elt;
    if (source && source.dataset && source.dataset.countRows) {
        event.detail.parameters.from = document.querySelectorAll(source.dataset.countRows).length;
    }
});

// A button that prints the page (the publicity list): no inline handler, under the Content-Security-Policy.
document.addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('[data-print]')) {
        window.print();
    }
});
// data-fold-on-phone: a details element open for the desktop, folded at first on a phone (without script it stays open).
document.addEventListener('DOMContentLoaded', function () {
    if (window.matchMedia('(max-width: 767.98px)').matches) {
        document.querySelectorAll('details[data-fold-on-phone]').forEach(function (d) { d.open = false; });
    }
});

// data-chart='{"labels":[…],"counts":[…]}': a bar chart of members by bands of points (the start page), drawn by ECharts
// when it is loaded; the same figures are in a table beside it, for screen readers and without script.
document.addEventListener('DOMContentLoaded', function () {
    if (typeof echarts === 'undefined') {
        return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
        var data = JSON.parse(el.getAttribute('data-chart'));
        var chart = echarts.init(el, null, { renderer: 'svg' });
        chart.setOption({
            grid: { left: 36, right: 12, top: 16, bottom: 28 },
            tooltip: { trigger: 'axis', formatter: function (p) { return p[0].name + '分：' + p[0].value + '人'; } },
            xAxis: { type: 'category', data: data.labels, axisLabel: { fontSize: 11 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [{ type: 'bar', data: data.counts, itemStyle: { color: '#c8102e' }, barMaxWidth: 36 }]
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });
});
