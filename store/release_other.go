//go:build !linux

package store

// releaseMapped is a no-op where the pages of the file cannot be let go
// of separately.
func (s *Store) releaseMapped() {}
