package relayer

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the relayer's Prometheus metrics, all prefixed
// kizuna_relayer_.
type Metrics struct {
	registry *prometheus.Registry

	// LastObservedNonce is the chain's last observed Ethereum event nonce.
	LastObservedNonce prometheus.Gauge
	// LastClaimedNonce is the last event nonce this validator claimed.
	LastClaimedNonce prometheus.Gauge
	// ContractEventNonce is the contract's latest event nonce at the
	// oracle's confirmation depth.
	ContractEventNonce prometheus.Gauge
	// EthereumHeight is the Ethereum head the relayer last saw.
	EthereumHeight prometheus.Gauge
	// PendingBatches is the chain's outstanding batches.
	PendingBatches prometheus.Gauge
	// ValsetLag is how many valsets the contract is behind the chain.
	ValsetLag prometheus.Gauge
	// EthereumBalance is the relayer's Ethereum balance in wei.
	EthereumBalance prometheus.Gauge
	// Confirmations counts the confirmations this validator signed, by
	// kind (valset, batch, token).
	Confirmations *prometheus.CounterVec
	// Claims counts the events this validator claimed, by kind (deposit,
	// batch_executed).
	Claims *prometheus.CounterVec
	// Relayed counts the contract calls this relayer submitted and that
	// succeeded, by kind (valset, batch, token).
	Relayed *prometheus.CounterVec
	// Errors counts failed rounds, by loop (signer, oracle, relayer).
	Errors *prometheus.CounterVec
}

// NewMetrics registers the relayer's metrics in a registry of their own.
func NewMetrics() *Metrics {
	r := prometheus.NewRegistry()
	gauge := func(name, help string) prometheus.Gauge {
		g := prometheus.NewGauge(prometheus.GaugeOpts{Namespace: "kizuna_relayer", Name: name, Help: help})
		r.MustRegister(g)
		return g
	}
	counter := func(name, help, label string) *prometheus.CounterVec {
		c := prometheus.NewCounterVec(prometheus.CounterOpts{Namespace: "kizuna_relayer", Name: name, Help: help}, []string{label})
		r.MustRegister(c)
		return c
	}
	r.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return &Metrics{
		registry:           r,
		LastObservedNonce:  gauge("last_observed_event_nonce", "The chain's last observed Ethereum event nonce."),
		LastClaimedNonce:   gauge("last_claimed_event_nonce", "The last Ethereum event nonce this validator claimed."),
		ContractEventNonce: gauge("contract_event_nonce", "The contract's latest event nonce at the oracle's confirmation depth."),
		EthereumHeight:     gauge("ethereum_height", "The Ethereum head the relayer last saw."),
		PendingBatches:     gauge("pending_batches", "Outstanding batches on the chain, not yet executed on Ethereum."),
		ValsetLag:          gauge("valset_lag", "Valsets the contract is behind the chain."),
		EthereumBalance:    gauge("ethereum_balance_wei", "The relayer's Ethereum balance in wei."),
		Confirmations:      counter("confirmations_total", "Confirmations signed, by kind.", "kind"),
		Claims:             counter("claims_total", "Ethereum events claimed, by kind.", "kind"),
		Relayed:            counter("relayed_total", "Contract calls submitted and mined, by kind.", "kind"),
		Errors:             counter("errors_total", "Failed rounds, by loop.", "loop"),
	}
}

// Serve serves /metrics on addr until ctx ends.
func (m *Metrics) Serve(ctx context.Context, addr string, log *slog.Logger) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.Handle("/metrics", promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{}))
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	log.Info("serving metrics", "addr", ln.Addr().String())
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("metrics server stopped", "err", err)
		}
	}()
	return nil
}
