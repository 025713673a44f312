//go:build !unix

package speedtest

import "time"

// processCPUTime reports that this system gives no CPU time.
func processCPUTime() (time.Duration, bool) {
	return 0, false
}
