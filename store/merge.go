package store

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"stratplan"
)

// KeepBackups is how many backups of a plan file Merge keeps.
const KeepBackups = 5

// Merge merges incoming (one or several bundles' plans) into the plan file
// in one transaction: all of it or nothing. Before changing anything it
// copies the file to the backups folder beside it. A merge that brings
// nothing new writes nothing.
func (s *Store) Merge(incoming *stratplan.Document) (stratplan.MergeStats, error) {
	if s.ro {
		return stratplan.MergeStats{}, fmt.Errorf("this plan was opened read-only")
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
			if s.doc.Entity(e.ID) == e {
				continue
			}
			if err := ents.Put([]byte(e.ID), stratplan.AppendEntityJSON(nil, e)); err != nil {
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
	return st, nil
}

// BackupDir is the folder where backups of the plan file are kept.
func (s *Store) BackupDir() string {
	return filepath.Join(filepath.Dir(s.path), ".stratplan-backups")
}

// backup writes a consistent copy of the plan file to the backups folder
// and removes the oldest beyond KeepBackups. It returns the copy's path.
func (s *Store) backup() (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	base := strings.TrimSuffix(filepath.Base(s.path), Ext)
	name := filepath.Join(dir, fmt.Sprintf("%s-%s%s", base, time.Now().UTC().Format("20060102-150405.000"), Ext))
	err := WriteFileAtomic(name, func(f *os.File) error {
		return s.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
	if err != nil {
		return "", err
	}
	old, _ := filepath.Glob(filepath.Join(dir, base+"-*"+Ext))
	sort.Strings(old)
	for len(old) > KeepBackups {
		os.Remove(old[0])
		old = old[1:]
	}
	return name, nil
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
