//go:build !unix

package ui

import "time"

// cpuTime is unknown here: benchmarks report the time on the clock only.
func cpuTime() time.Duration { return 0 }
