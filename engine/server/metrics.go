package server

import (
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/credcheck/credcheck/engine/report"
)

// metrics are the server's Prometheus metrics, in a registry of its own
// so that two servers in one process (tests) do not share counts.
type metrics struct {
	registry  *prometheus.Registry
	requests  *prometheus.CounterVec
	latency   *prometheus.HistogramVec
	inFlight  prometheus.Gauge
	articles  prometheus.Counter
	findings  *prometheus.CounterVec
	saturated prometheus.Counter
	deadlines prometheus.Counter
	reloads   *prometheus.CounterVec
	reloadOK  prometheus.Gauge
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "credcheck_http_requests_total", Help: "HTTP requests answered, by endpoint and status code.",
		}, []string{"handler", "code"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "credcheck_http_request_duration_seconds", Help: "Time to answer an HTTP request, by endpoint.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}, []string{"handler"}),
		inFlight: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "credcheck_http_requests_in_flight", Help: "HTTP requests being answered.",
		}),
		articles: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "credcheck_articles_checked_total", Help: "Articles checked through /v1/check.",
		}),
		findings: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "credcheck_findings_total", Help: "Findings reported by /v1/check, by rule (suppressed ones included).",
		}, []string{"rule"}),
		saturated: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "credcheck_requests_rejected_total", Help: "Requests answered 429 because the concurrency limit was reached.",
		}),
		deadlines: prometheus.NewCounter(prometheus.CounterOpts{
			Name: "credcheck_deadline_exceeded_total", Help: "Requests whose evaluation ran past the deadline (answered 503).",
		}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "credcheck_reloads_total", Help: "Reloads of the policies and configuration, by result.",
		}, []string{"result"}),
		reloadOK: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "credcheck_config_last_reload_successful", Help: "1 when the last load of the policies and configuration succeeded, 0 when the server serves an older set.",
		}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.inFlight, m.articles, m.findings, m.saturated, m.deadlines, m.reloads, m.reloadOK,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{Registry: m.registry})
}

func (m *metrics) observe(handler string, status int, elapsed time.Duration) {
	m.requests.WithLabelValues(handler, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(handler).Observe(elapsed.Seconds())
}

// count adds a request's articles and findings.
func (m *metrics) count(results []*report.Article) {
	m.articles.Add(float64(len(results)))
	for _, a := range results {
		for _, f := range a.Findings {
			m.findings.WithLabelValues(f.Rule).Inc()
		}
	}
}
