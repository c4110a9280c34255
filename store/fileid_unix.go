//go:build unix

package store

import (
	"fmt"
	"os"
	"syscall"
)

// fileKey names the file itself, so a copy in the same folder position
// (a restored backup) is told apart from the original.
func fileKey(path string) string {
	fi, err := os.Stat(path)
	if err != nil {
		return ""
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return fmt.Sprintf("%d:%d", st.Dev, st.Ino)
	}
	return ""
}
