package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"stratplan"
)

// marks keeps, outside plan files, the highest write counter each replica
// of this user has issued: one small file per replica in the config
// folder. A plan file whose counter is behind its mark was restored from
// an older copy; writing on under the same replica id would issue dots
// that already name other writes, so the store writes under a new one.
type marks struct {
	dir string

	mu    sync.Mutex
	files map[string]*os.File
	last  map[string]uint64
}

func newMarks(dir string) *marks {
	return &marks{dir: dir, files: map[string]*os.File{}, last: map[string]uint64{}}
}

func (m *marks) path(replica string) string { return filepath.Join(m.dir, replica) }

// get returns the mark of a replica, 0 if it has none.
func (m *marks) get(replica string) (uint64, error) {
	if !stratplan.ValidID(replica) {
		return 0, nil
	}
	b, err := os.ReadFile(m.path(replica))
	if errors.Is(err, os.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("cannot read what this laptop wrote under replica %s: %w", replica, err)
	}
	n, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		// A damaged mark is taken as the worst case: a new replica id costs
		// nothing, a reused dot loses data.
		return stratplan.MaxCounter, nil
	}
	return n, nil
}

// set raises the mark of a replica to n. Edits record it without waiting
// for the disk (the plan file itself holds the counter durably); exports
// record it durably, because from then on the dots are on other laptops.
func (m *marks) set(replica string, n uint64, durable bool) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	f := m.files[replica]
	if f == nil {
		old, err := m.get(replica)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(m.dir, 0o700); err != nil {
			return err
		}
		if f, err = os.OpenFile(m.path(replica), os.O_RDWR|os.O_CREATE, 0o600); err != nil {
			return err
		}
		m.files[replica] = f
		m.last[replica] = old
	}
	if n <= m.last[replica] && !durable {
		return nil
	}
	n = max(n, m.last[replica])
	m.last[replica] = n
	// Fixed width, written in place: one small write, never a torn number.
	if _, err := f.WriteAt([]byte(fmt.Sprintf("%020d\n", n)), 0); err != nil {
		return err
	}
	if durable {
		return f.Sync()
	}
	return nil
}

func (m *marks) close() {
	m.mu.Lock()
	defer m.mu.Unlock()
	for r, f := range m.files {
		f.Close()
		delete(m.files, r)
	}
}
