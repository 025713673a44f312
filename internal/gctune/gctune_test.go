package gctune

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func writeFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestMemTotal(t *testing.T) {
	meminfo := "MemFree:         1000 kB\nMemTotal:       24567184 kB\nBuffers: 5 kB\n"
	if got, want := memTotal(writeFile(t, meminfo)), uint64(24567184)<<10; got != want {
		t.Fatalf("memTotal = %d, want %d", got, want)
	}
	for _, bad := range []string{"", "MemTotal: lots kB\n", "MemTotal: 5 MB\n"} {
		if got := memTotal(writeFile(t, bad)); got != 0 {
			t.Errorf("memTotal(%q) = %d, want 0", bad, got)
		}
	}
	if got := memTotal(filepath.Join(t.TempDir(), "missing")); got != 0 {
		t.Errorf("memTotal(missing) = %d, want 0", got)
	}
}

func TestCgroupLimit(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing")
	cases := map[string]uint64{
		"4294967296\n":          4 << 30,
		"max\n":                 0,
		"9223372036854771712\n": 0, // cgroup v1: no limit
		"garbage":               0,
	}
	for content, want := range cases {
		if got := cgroupLimit(missing, writeFile(t, content)); got != want {
			t.Errorf("cgroupLimit(%q) = %d, want %d", content, got, want)
		}
	}
	if got := cgroupLimit(missing); got != 0 {
		t.Errorf("cgroupLimit(missing) = %d", got)
	}
}

// restoreGC puts back the collector settings a test changes.
func restoreGC(t *testing.T) {
	percent := debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	limit := debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	})
}

func TestApplySetsNodeDefaults(t *testing.T) {
	restoreGC(t)
	unsetenv(t, "GOGC")
	unsetenv(t, "GOMEMLIMIT")
	debug.SetGCPercent(100)
	debug.SetMemoryLimit(math.MaxInt64)

	s := Apply()
	if s.Percent != Percent {
		t.Errorf("Percent = %d, want %d", s.Percent, Percent)
	}
	if got := debug.SetGCPercent(100); got != Percent {
		t.Errorf("GC percent = %d, want %d", got, Percent)
	}
	if total := memoryAvailable(); total > 0 {
		want := int64(float64(total) * LimitShare)
		if s.LimitBytes != want {
			t.Errorf("LimitBytes = %d, want %d", s.LimitBytes, want)
		}
		if got := debug.SetMemoryLimit(-1); got != want {
			t.Errorf("memory limit = %d, want %d", got, want)
		}
	}
}

func TestApplyLeavesOperatorSettings(t *testing.T) {
	restoreGC(t)
	t.Setenv("GOGC", "150")
	t.Setenv("GOMEMLIMIT", "2GiB")
	debug.SetGCPercent(150)
	debug.SetMemoryLimit(2 << 30)

	if s := Apply(); s != (Settings{}) {
		t.Errorf("Apply = %+v, want nothing set", s)
	}
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("GC percent = %d, want the operator's 150", got)
	}
	if got := debug.SetMemoryLimit(-1); got != 2<<30 {
		t.Errorf("memory limit = %d, want the operator's 2 GiB", got)
	}
}

// unsetenv removes key for the test, restoring it afterwards.
func unsetenv(t *testing.T, key string) {
	t.Helper()
	t.Setenv(key, "") // registers the restore
	if err := os.Unsetenv(key); err != nil {
		t.Fatal(err)
	}
}
