// Draws every <canvas data-chart> with Chart.js (served from its webjar on this host): the numbers come as JSON in the
// attribute, not as inline script (the CSP allows none); the same numbers are in the table under the chart.
(function () {
    var colours = ['#8b0000', '#2e7d32', '#f9a825', '#1565c0', '#6a1b9a', '#555555'];
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
        var spec = JSON.parse(canvas.getAttribute('data-chart'));
        var chart = new Chart(canvas, {
            type: spec.type,
            data: {
                labels: spec.labels,
                datasets: spec.series.map(function (s, i) {
                    var colour = colours[i % colours.length];
                    // a judged value is green when it meets its target and red when not, framed in its series' colour
                    return {label: s.label, data: s.values, borderColor: colour, borderWidth: s.met ? 3 : 0,
                        backgroundColor: s.met ? s.met.map(function (m) { return m ? '#2e7d32' : '#c62828'; }) : colour};
                })
            },
            options: {
                animation: false,
                responsive: true,
                maintainAspectRatio: false,
                plugins: {legend: {display: spec.series.length > 1}},
                scales: {y: {beginAtZero: true, max: spec.unit === '%' ? 100 : undefined,
                    ticks: {precision: spec.unit === '%' ? undefined : 0,
                        callback: function (v) { return v + spec.unit; }}}}
            }
        });
        canvas.setAttribute('data-drawn', 'true');
        // paper is narrower than the screen: fit the chart to the page, then back
        window.addEventListener('beforeprint', function () { chart.resize(); });
        window.addEventListener('afterprint', function () { chart.resize(); });
    });
})();
