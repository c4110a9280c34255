//go:build linux

package store

import (
	"os"
	"syscall"
)

// releaseMapped tells the kernel that this process no longer needs the
// pages of the plan file it read while loading it: they stay in the page
// cache, but stop counting as the window's memory (a large plan's file is
// tens of megabytes, all read once at start). bbolt maps the file
// read-only and writes with pwrite, so a page a later transaction reads
// simply comes back from the cache.
func (s *Store) releaseMapped() {
	fi, err := os.Stat(s.path)
	if err != nil || fi.Size() == 0 {
		return
	}
	page := int64(os.Getpagesize())
	n := (fi.Size() + page - 1) / page * page
	syscall.Syscall(syscall.SYS_MADVISE, s.db.Info().Data, uintptr(n), syscall.MADV_DONTNEED)
}
