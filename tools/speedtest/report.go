package speedtest

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/metrics"
	"strings"
	"text/tabwriter"

	"github.com/cosmos/cosmos-sdk/server/config"

	"github.com/kizuna-chain/kizuna/app"
)

// Machine describes where a run took place.
type Machine struct {
	// CPU is the processor's model name, or "unknown".
	CPU        string
	Cores      int
	GOMAXPROCS int
	GoVersion  string
	OS, Arch   string
	// GOGC and MemoryLimit are the garbage collector's settings: its
	// percent (-1 when off) and its soft memory limit in bytes.
	GOGC        int64
	MemoryLimit int64
}

// DescribeMachine returns the machine this process runs on.
func DescribeMachine() Machine {
	return Machine{
		CPU:         cpuModel(),
		Cores:       runtime.NumCPU(),
		GOMAXPROCS:  runtime.GOMAXPROCS(0),
		GoVersion:   runtime.Version(),
		OS:          runtime.GOOS,
		Arch:        runtime.GOARCH,
		GOGC:        readMetric("/gc/gogc:percent"),
		MemoryLimit: readMetric("/gc/gomemlimit:bytes"),
	}
}

// readMetric returns the value of a runtime metric of kind uint64, or -1.
func readMetric(name string) int64 {
	sample := []metrics.Sample{{Name: name}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return -1
	}
	return int64(min(sample[0].Value.Uint64(), uint64(1<<63-1)))
}

// cpuModel reads the model name of the first processor from /proc/cpuinfo,
// where the system has one.
func cpuModel() string {
	info, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return "unknown"
	}
	for line := range strings.SplitSeq(string(info), "\n") {
		key, value, ok := strings.Cut(line, ":")
		if ok && strings.TrimSpace(key) == "model name" {
			return strings.TrimSpace(value)
		}
	}
	return "unknown"
}

// blockSTMWorkers is the number of workers Block-STM runs with under cfg, as
// the app's block executor resolves it.
func blockSTMWorkers(cfg Config) int {
	if cfg.Workers > 0 {
		return cfg.Workers
	}
	return min(runtime.GOMAXPROCS(0), runtime.NumCPU())
}

// Write prints the report: the machine and the setup, then a table with a
// row per workload and executor.
func (r *Report) Write(w io.Writer) error {
	m, cfg := r.Machine, r.Config
	defaults := config.DefaultConfig()
	var b strings.Builder
	b.WriteString("Kizuna execution benchmark: FinalizeBlock + Commit, in process, pre-signed txs\n")
	fmt.Fprintf(&b, "machine:   %s, %d cores, GOMAXPROCS %d, %s %s/%s\n",
		m.CPU, m.Cores, m.GOMAXPROCS, m.GoVersion, m.OS, m.Arch)
	fmt.Fprintf(&b, "gc:        GOGC %d, memory limit %s, as a node sets them (internal/gctune) unless the environment does\n",
		m.GOGC, formatBytes(m.MemoryLimit))
	fmt.Fprintf(&b, "database:  %s (cosmos-db) on disk in a temp dir for the state and the history index, IAVL cache %d, inter-block cache %t, as make run's node runs\n",
		DBBackend, defaults.IAVLCacheSize, defaults.InterBlockCache)
	fmt.Fprintf(&b, "state:     %d accounts in genesis, all members of community %d with %d.%02d %s and holding %d%s; %d DIRECT threads\n",
		cfg.Accounts, communityID, genesisCurrency/100, genesisCurrency%100, currencyCode, genesisToken, tokenDenom, cfg.Accounts/2)
	fmt.Fprintf(&b, "load:      %d blocks x %d txs per workload and executor, best of %d rounds; secp256k1 SIGN_MODE_DIRECT, fees at %s%s/gas\n",
		cfg.Blocks, cfg.TxsPerBlock, cfg.Repeat, strings.TrimRight(app.MinGasPrice.Amount.String(), "0"), app.MinGasPrice.Denom)
	fmt.Fprintf(&b, "executors: %s (block-stm: %d workers)\n", strings.Join(cfg.Executors, ", "), blockSTMWorkers(cfg))
	b.WriteString("seconds:   wall time of FinalizeBlock + Commit; cpu seconds: CPU time of the whole process meanwhile\n")
	b.WriteString("           (GC and compactions included), which other load on the machine hardly changes\n\n")
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}

	var table strings.Builder
	fmt.Fprintf(&table, "workload\texecutor\ttxs\tseconds\ttx/s\tvs %s\tcpu seconds\ttx/cpu-s\tvs %s (cpu)\t\n", BankSend, BankSend)
	for _, res := range r.Results {
		cpu, perCPU := "n/a", "n/a"
		if res.CPU > 0 {
			cpu, perCPU = fmt.Sprintf("%.3f", res.CPU.Seconds()), fmt.Sprintf("%.0f", res.TxPerCPUSec())
		}
		fmt.Fprintf(&table, "%s\t%s\t%d\t%.3f\t%.0f\t%s\t%s\t%s\t%s\t\n",
			res.Workload, res.Executor, res.Txs, res.Elapsed.Seconds(), res.TxPerSec(), formatRatio(res.Ratio),
			cpu, perCPU, formatRatio(res.CPURatio))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	if _, err := io.WriteString(tw, table.String()); err != nil {
		return err
	}
	return tw.Flush()
}

// formatBytes writes a memory limit in MiB, or "none" for the runtime's
// default of no limit.
func formatBytes(n int64) string {
	if n < 0 || n == 1<<63-1 {
		return "none"
	}
	return fmt.Sprintf("%d MiB", n>>20)
}

// formatRatio writes a ratio to the baseline, or n/a when there is none.
func formatRatio(ratio float64) string {
	if ratio <= 0 {
		return "n/a"
	}
	return fmt.Sprintf("%.2f", ratio)
}
