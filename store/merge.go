package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"

	"stratplan"
)

// Merge merges incoming (one or several bundles' plans) into the plan file
// in one transaction: all of it or nothing. Before changing anything it
// copies the file to the backups folder beside it. A merge that brings
// nothing new writes nothing.
func (s *Store) Merge(incoming *stratplan.Document) (stratplan.MergeStats, error) {
	if s.ro {
		return stratplan.MergeStats{}, ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	merged := s.doc.Clone()
	st, err := merged.Merge(incoming)
	if err != nil || !st.Changed() {
		return st, err
	}
	if _, err := s.backup(); err != nil {
		return st, fmt.Errorf("nothing was imported: the plan could not be backed up first: %w", friendly(err))
	}
	// A bundle may carry this replica's own writes made in an earlier life
	// of the file; never reuse their dots.
	counter := max(s.author.Counter, merged.MaxCounter(s.author.Replica))
	err = s.db.Update(func(tx *bolt.Tx) error {
		ents := tx.Bucket(bucketEntities)
		ents.FillPercent = fillPercent
		for _, e := range merged.Entities() {
			if s.doc.Get(e.Kind, e.ID) == e {
				continue
			}
			if err := ents.Put(entityKey(e), stratplan.AppendEntityJSON(nil, e)); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keyCounter, binary.BigEndian.AppendUint64(nil, counter))
	})
	if err != nil {
		return st, fmt.Errorf("nothing was imported: %w", friendly(err))
	}
	s.doc = merged
	s.author.Counter = counter
	s.author.Clock.Observe(incoming.Latest())
	s.saved = time.Now()
	if s.bound {
		s.marks.set(s.author.Replica, counter, false)
	}
	return st, nil
}

// WriteFileAtomic writes a file through write: into a temporary file in the
// same folder, synced and closed, then renamed into place. A crash leaves
// either the old file or the complete new one, never a part.
func WriteFileAtomic(path string, write func(f *os.File) error) (err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("it is a folder: give a file name")
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("the folder %s does not exist: create it, or choose another", dir)
		}
		return friendly(err)
	}
	// Until it is renamed into place, the copy goes, whatever stops the
	// write: an error or a panic.
	renamed := false
	defer func() {
		if !renamed {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return friendly(err)
	}
	if err = f.Sync(); err != nil {
		return friendly(err)
	}
	if err = f.Close(); err != nil {
		return friendly(err)
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return friendly(err)
	}
	renamed = true
	syncDir(dir)
	return nil
}

// IsPlanFile reports whether the file at path is (or was) a plan file: a
// bbolt file, whole or damaged. Exports never replace one.
func IsPlanFile(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var head [20]byte
	if _, err := io.ReadFull(f, head[:]); err != nil {
		return false
	}
	// A bbolt file starts with a meta page: a 16-byte page header, then
	// the magic number.
	return binary.LittleEndian.Uint32(head[16:]) == 0xED0CDAED
}

// cutShort reports whether a plan file is shorter than its own index
// says: copied in part, or cut off. bbolt would read past its end.
func cutShort(path string, size int64) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	type meta struct {
		ok         bool
		pageSize   uint32
		pgid, txid uint64
	}
	read := func(off int64) meta {
		var b [16 + 64]byte
		if _, err := f.ReadAt(b[:], off); err != nil {
			return meta{}
		}
		m := b[16:]
		h := fnv.New64a()
		h.Write(m[:56])
		le := binary.LittleEndian
		return meta{
			ok:       le.Uint32(m[0:]) == 0xED0CDAED && h.Sum64() == le.Uint64(m[56:]),
			pageSize: le.Uint32(m[8:]),
			pgid:     le.Uint64(m[40:]),
			txid:     le.Uint64(m[48:]),
		}
	}
	m0 := read(0)
	ps := int64(4096)
	if m0.ok && m0.pageSize >= 512 {
		ps = int64(m0.pageSize)
	}
	m1 := read(ps)
	m := m0
	if m1.ok && (!m0.ok || m1.txid > m0.txid) {
		m = m1
	}
	return m.ok && m.pageSize > 0 && int64(m.pgid) > size/int64(m.pageSize)
}
