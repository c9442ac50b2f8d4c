// Draws the KPI page's chart from the figures the page carries in data-chart; the table below shows the same.
(function () {
    "use strict";
    var canvas = document.getElementById("kpi-chart");
    if (!canvas || typeof Chart === "undefined") {
        return;
    }
    var data = JSON.parse(canvas.getAttribute("data-chart"));
    var chart = data.chart;
    var labels = data.labels;
    var years = chart.years.map(String);

    function at(year, value) {
        return chart.years.map(function (y) { return y === year ? value : null; });
    }

    var datasets = [{
        label: labels.actual,
        data: chart.actuals,
        borderColor: "#0b5394",
        backgroundColor: "#0b5394",
        pointStyle: chart.corrected.map(function (c) { return c ? "rectRot" : "circle"; }),
        pointRadius: chart.corrected.map(function (c) { return c ? 8 : 4; }),
        pointBackgroundColor: chart.corrected.map(function (c) { return c ? "#e07b00" : "#0b5394"; }),
        spanGaps: true
    }, {
        label: labels.corrected,
        data: chart.actuals.map(function (v, i) { return chart.corrected[i] ? v : null; }),
        showLine: false,
        pointStyle: "rectRot",
        pointRadius: 8,
        borderColor: "#e07b00",
        backgroundColor: "#e07b00"
    }, {
        label: labels.proRata,
        data: chart.proRata,
        borderColor: "#4a4a4a",
        borderDash: [6, 4],
        pointRadius: 0,
        spanGaps: true
    }, {
        label: labels.target,
        data: at(chart.targetYear, chart.target),
        showLine: false,
        pointStyle: "triangle",
        pointRadius: 9,
        borderColor: "#1b6e20",
        backgroundColor: "#1b6e20"
    }];
    if (chart.baseline !== null) {
        datasets.push({
            label: labels.baseline,
            data: at(chart.baselineYear, chart.baseline),
            showLine: false,
            pointStyle: "rect",
            pointRadius: 7,
            borderColor: "#1a1a1a",
            backgroundColor: "#1a1a1a"
        });
    }
    if (chart.earlierPlanActuals.length > 0) {
        datasets.push({
            label: chart.seriesBreak ? labels.earlierPlanRedefined : labels.earlierPlan,
            data: chart.earlierPlanActuals,
            borderColor: "#767676",
            backgroundColor: "#ffffff",
            borderDash: chart.seriesBreak ? [2, 4] : [],
            pointStyle: "circle",
            pointRadius: 4,
            spanGaps: true
        });
    }
    chart.earlierTargets.forEach(function (earlier) {
        datasets.push({
            label: labels.earlierTarget + " (" + earlier.revisedAt.substring(0, 10) + ")",
            data: at(earlier.fiscalYear, earlier.value),
            showLine: false,
            pointStyle: "triangle",
            pointRadius: 8,
            borderColor: "#767676",
            backgroundColor: "#ffffff"
        });
    });

    new Chart(canvas, {
        type: "line",
        data: { labels: years, datasets: datasets },
        options: {
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { position: "bottom" } },
            scales: { y: { beginAtZero: false } }
        }
    });
}());
