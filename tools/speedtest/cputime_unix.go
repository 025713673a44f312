//go:build unix

package speedtest

import (
	"syscall"
	"time"
)

// processCPUTime returns the CPU time, user and system, this process has
// used so far, and whether the system reports it.
func processCPUTime() (time.Duration, bool) {
	var usage syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &usage); err != nil {
		return 0, false
	}
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano()), true
}
