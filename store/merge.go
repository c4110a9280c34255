package store

import (
	"encoding/binary"
	"fmt"
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
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return friendly(err)
	}
	defer func() {
		if err != nil {
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
	syncDir(dir)
	return nil
}
