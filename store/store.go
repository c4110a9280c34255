// Package store keeps a plan in a bbolt file with the extension .stratplan:
// it opens and locks the file, checks its schema version, loads the
// document, and makes every user edit one durable transaction that writes
// the changed entities and the replica's write counter together.
package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"

	"stratplan"
)

// fillPercent packs the entities' pages: ids mostly grow with time, so
// bbolt's default half-full pages would double the file and what it maps.
const fillPercent = 0.9

// Schema is the version of the file layout this build writes and reads.
const Schema = 1

// Ext is the extension of plan files.
const Ext = ".stratplan"

var (
	bucketMeta     = []byte("meta")
	bucketEntities = []byte("entities")

	keySchema  = []byte("schema")
	keyPlan    = []byte("plan")
	keyReplica = []byte("replica")
	keyBinding = []byte("binding")
	keyCounter = []byte("counter")
)

// ErrLocked is returned when another window or command has the plan open.
var ErrLocked = errors.New("this plan is open in another stratplan window or command: close it there, then try again")

// ErrNotPlan is returned for a file that is not a stratplan plan.
var ErrNotPlan = errors.New("this is not a stratplan plan file")

// NewerSchemaError is returned for a file written by a newer version.
type NewerSchemaError struct{ Version int }

func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("this plan file was made by a newer version of stratplan (file format %d; this version reads up to %d): update stratplan to open it", e.Version, Schema)
}

// Options tune Open and Create. The zero value is ready to use.
type Options struct {
	// Timeout is how long to wait for another window to release the file;
	// 0 means one second.
	Timeout time.Duration
	// MachineID identifies this machine; "" reads or creates the id kept in
	// the user's config directory.
	MachineID string
	// ReadOnly opens the file for reading only; other readers may share it.
	ReadOnly bool
}

// Store is an open plan file and the document it holds. Its methods are
// safe for concurrent use; the document returned by Doc must only be read
// by the goroutine that also calls Edit (the UI goroutine in the app).
type Store struct {
	path string
	db   *bolt.DB
	ro   bool

	mu      sync.Mutex
	doc     *stratplan.Document
	author  stratplan.Author
	binding string // this machine and file; a different stored one mints a new replica
	bound   bool   // the stored replica id belongs to this machine and file
	saved   time.Time
}

// Open opens the plan file at path, waiting at most opts.Timeout for
// another window or command to release it.
func Open(path string, opts *Options) (*Store, error) {
	if opts == nil {
		opts = &Options{}
	}
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such plan file: check the name, or create it with 'stratplan new'", path)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = time.Second
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: opts.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, friendly(err))
	}
	s := &Store{path: path, db: db, ro: opts.ReadOnly}
	if err := s.load(opts); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func (s *Store) load(opts *Options) error {
	var plan, replica, binding string
	var counter uint64
	err := s.db.View(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		ents := tx.Bucket(bucketEntities)
		if meta == nil || ents == nil {
			return ErrNotPlan
		}
		v, err := strconv.Atoi(string(meta.Get(keySchema)))
		if err != nil {
			return ErrNotPlan
		}
		if v > Schema {
			return &NewerSchemaError{Version: v}
		}
		plan = string(meta.Get(keyPlan))
		replica = string(meta.Get(keyReplica))
		binding = string(meta.Get(keyBinding))
		if c := meta.Get(keyCounter); len(c) == 8 {
			counter = binary.BigEndian.Uint64(c)
		}
		if !stratplan.ValidID(plan) {
			return ErrNotPlan
		}
		s.doc = stratplan.NewDocument(plan)
		var vals [][]byte // valid while the transaction is open
		if err := ents.ForEach(func(_, v []byte) error {
			vals = append(vals, v)
			return nil
		}); err != nil {
			return err
		}
		parsed, err := parseAll(vals)
		if err != nil {
			return fmt.Errorf("the plan file is damaged (%v): restore it from a backup", err)
		}
		for _, e := range parsed {
			s.doc.Put(e)
		}
		return nil
	})
	if err != nil {
		return err
	}
	s.author = stratplan.Author{Replica: replica, Counter: max(counter, s.doc.MaxCounter(replica))}
	s.author.Clock.Observe(s.doc.Latest())
	s.binding, err = bindingOf(s.path, opts.MachineID)
	if err != nil {
		return err
	}
	s.bound = replica != "" && binding == s.binding
	return nil
}

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// Close releases the file.
func (s *Store) Close() error { return s.db.Close() }

// Doc returns the plan document as it stands.
func (s *Store) Doc() *stratplan.Document {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.doc
}

// Replica returns the id this file writes with on this machine ("" until
// the first write on a machine that has not written to it).
func (s *Store) Replica() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.bound {
		return ""
	}
	return s.author.Replica
}

// EnsureReplica gives this file its replica id on this machine, if it has
// none yet, and returns it.
func (s *Store) EnsureReplica() (string, error) {
	if r := s.Replica(); r != "" {
		return r, nil
	}
	host, _ := os.Hostname()
	err := s.Edit(func(ed *stratplan.Edit) error {
		return ed.Set(ed.Replica(), stratplan.KindReplica, stratplan.Set("label", stratplan.Text(host)))
	})
	return s.Replica(), err
}

// SavedAt returns when the last edit was made durable (zero if none since
// Open).
func (s *Store) SavedAt() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.saved
}

// Edit runs fn as one user edit: its writes become durable together in one
// transaction, with the replica's counter, or not at all. When fn fails or
// the file cannot be written, the document is left as it was.
func (s *Store) Edit(fn func(ed *stratplan.Edit) error) error {
	if s.ro {
		return errors.New("this plan was opened read-only")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	prev := s.author
	mint := !s.bound
	if mint {
		s.author = stratplan.Author{Replica: stratplan.NewReplicaID(), Clock: prev.Clock}
	}
	ed := s.doc.Begin(&s.author)
	undo := func() {
		ed.Rollback()
		s.author = prev
	}
	if err := fn(ed); err != nil {
		undo()
		return err
	}
	changed := ed.Changed()
	if len(changed) == 0 {
		undo()
		return nil
	}
	if mint {
		// Say who writes with the new id, carrying over the old label.
		label := s.doc.ReplicaInfo(prev.Replica)
		if label.Label == "" {
			host, _ := os.Hostname()
			label.Label = host
		}
		if err := ed.Set(s.author.Replica, stratplan.KindReplica,
			stratplan.Set("label", stratplan.Text(label.Label)), stratplan.Set("region", stratplan.Text(label.Region))); err != nil {
			undo()
			return err
		}
		changed = ed.Changed()
	}
	err := s.db.Update(func(tx *bolt.Tx) error {
		ents := tx.Bucket(bucketEntities)
		ents.FillPercent = fillPercent
		for _, e := range changed {
			// bbolt keeps the slice until commit: one buffer per entity.
			if err := ents.Put([]byte(e.ID), stratplan.AppendEntityJSON(nil, e)); err != nil {
				return err
			}
		}
		meta := tx.Bucket(bucketMeta)
		if mint {
			if err := meta.Put(keyReplica, []byte(s.author.Replica)); err != nil {
				return err
			}
			if err := meta.Put(keyBinding, []byte(s.binding)); err != nil {
				return err
			}
		}
		return meta.Put(keyCounter, binary.BigEndian.AppendUint64(nil, s.author.Counter))
	})
	if err != nil {
		undo()
		return fmt.Errorf("your last change was not saved: %w", friendly(err))
	}
	s.bound = true
	s.saved = time.Now()
	return nil
}

// Check runs bbolt's consistency check over the whole file.
func (s *Store) Check() error {
	return s.db.View(func(tx *bolt.Tx) error {
		var first error
		for err := range tx.Check() { // drain: the checker goroutine sends them all
			if first == nil {
				first = fmt.Errorf("the plan file is damaged: %w", err)
			}
		}
		return first
	})
}

func friendly(err error) error {
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return ErrLocked
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum):
		return ErrNotPlan
	case errors.Is(err, syscall.ENOSPC):
		return fmt.Errorf("the disk is full: free some space and try again (%w)", err)
	case errors.Is(err, os.ErrPermission):
		return fmt.Errorf("stratplan may not write here: check the file's permissions (%w)", err)
	}
	return err
}

// parseAll reads the stored entities on every core: opening a large plan is
// mostly parsing.
func parseAll(vals [][]byte) ([]*stratplan.Entity, error) {
	out := make([]*stratplan.Entity, len(vals))
	workers := min(runtime.GOMAXPROCS(0), 8, max(len(vals)/1000, 1))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(vals); i += workers {
				e, err := stratplan.ParseEntityJSON(vals[i])
				if err != nil {
					errs[w] = err
					return
				}
				out[i] = e
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}
