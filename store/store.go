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
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
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
// Version 2 keys entities by kind and id together ("swot/0193…"); files of
// version 1 (keyed by id) are brought up to date when opened for writing.
const Schema = 2

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

// ErrReadOnly is returned by changes to a plan opened read-only.
var ErrReadOnly = errors.New("this plan is open read-only (you may not write the file, or it was opened for reading): edits are off; save a copy elsewhere to work on it")

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
	// A file this user may not write is opened read-only anyway.
	ReadOnly bool
	// MarksDir is where the highest counter each replica has issued is kept,
	// outside plan files; "" means the "replicas" folder in ConfigDir.
	MarksDir string
}

// Store is an open plan file and the document it holds. Its methods are
// safe for concurrent use; the document returned by Doc must only be read
// by the goroutine that also calls Edit (the UI goroutine in the app).
type Store struct {
	path string
	db   *bolt.DB
	ro   bool

	mu       sync.Mutex
	doc      *stratplan.Document
	author   stratplan.Author
	binding  string // this machine and file; a different stored one mints a new replica
	bound    bool   // the stored replica id belongs to this machine and file
	restored bool   // the file is behind what its replica wrote: a restored copy
	marks    *marks
	saved    time.Time
}

// Open opens the plan file at path, waiting at most opts.Timeout for
// another window or command to release it. A file this user may not write
// opens read-only (see ReadOnly). A file that cannot be read is never
// written to: Open returns a *DamagedError that lists the backups.
func Open(path string, opts *Options) (*Store, error) {
	if opts == nil {
		opts = &Options{}
	}
	fi, err := os.Stat(path)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s: no such plan file: check the name, or create it with 'stratplan new'", path)
		}
		return nil, fmt.Errorf("%s: %w", path, friendly(err))
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: %w (it is a folder)", path, ErrNotPlan)
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: %w (it is a device, a pipe or another special file)", path, ErrNotPlan)
	}
	if fi.Size() == 0 {
		// bbolt would make an empty plan of it: never write over a plan file.
		if looksLikePlan(path) {
			return nil, damaged(path, errors.New("the file is empty"))
		}
		return nil, fmt.Errorf("%s: %w (it is empty)", path, ErrNotPlan)
	}
	if cutShort(path, fi.Size()) {
		return nil, damaged(path, errors.New("the file is shorter than its own index says: it was cut off while being copied or written"))
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = time.Second
	}
	ro := opts.ReadOnly || !writable(path)
	db, err := openBolt(path, timeout, ro)
	if err != nil {
		var de *DamagedError
		if errors.As(err, &de) {
			return nil, damaged(path, de.Err)
		}
		err = friendly(err)
		if errors.Is(err, ErrNotPlan) || errors.Is(err, ErrLocked) {
			if errors.Is(err, ErrNotPlan) && looksLikePlan(path) {
				return nil, damaged(path, err)
			}
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	s := &Store{path: path, db: db, ro: ro}
	dir := opts.MarksDir
	if dir == "" {
		cfg, err := ConfigDir()
		if err != nil {
			db.Close()
			return nil, err
		}
		dir = filepath.Join(cfg, "replicas")
	}
	s.marks = newMarks(dir)
	if err := s.load(opts); err != nil {
		db.Close()
		var de *DamagedError
		if errors.As(err, &de) {
			return nil, damaged(path, de.Err)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !ro {
		if err := s.migrate(); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	s.releaseMapped()
	return s, nil
}

// openBolt opens the bbolt file. bbolt panics on some damaged files (a
// truncated freelist, say) while opening them for writing: that is a
// damaged plan, not a crash.
func openBolt(path string, timeout time.Duration, ro bool) (db *bolt.DB, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see load
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, &DamagedError{Err: fmt.Errorf("%v", r)}
		}
	}()
	return bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, ReadOnly: ro})
}

// writable reports whether this user may write the file and its folder
// (bbolt needs both to write).
func writable(path string) bool {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return !errors.Is(err, os.ErrPermission) && !errors.Is(err, syscall.EROFS)
	}
	f.Close()
	return true
}

func (s *Store) load(opts *Options) (err error) {
	// A damaged file can send bbolt to a page past its end: a fault in the
	// mapped file, which this makes a panic (recovered below) instead of a
	// crash of the whole program.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		// bbolt panics on some damaged pages.
		if r := recover(); r != nil {
			err = &DamagedError{Err: fmt.Errorf("%v", r)}
		}
	}()
	var plan, replica, binding string
	var counter uint64
	err = s.db.View(func(tx *bolt.Tx) error {
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
			return &DamagedError{Err: err}
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
	if s.bound {
		mark, err := s.marks.get(replica)
		if err != nil {
			return err
		}
		if mark > s.author.Counter {
			s.bound, s.restored = false, true
		}
	}
	return nil
}

// migrate brings a file of an older schema up to date, in one transaction.
func (s *Store) migrate() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		v, _ := strconv.Atoi(string(meta.Get(keySchema)))
		if v >= Schema {
			return nil
		}
		if v < 2 { // keyed by id: key by kind and id
			if err := tx.DeleteBucket(bucketEntities); err != nil {
				return err
			}
			ents, err := tx.CreateBucket(bucketEntities)
			if err != nil {
				return err
			}
			ents.FillPercent = fillPercent
			for _, e := range s.doc.Entities() {
				if err := ents.Put(entityKey(e), stratplan.AppendEntityJSON(nil, e)); err != nil {
					return err
				}
			}
		}
		return meta.Put(keySchema, []byte(strconv.Itoa(Schema)))
	})
}

// entityKey is where an entity is kept in the file: its kind and id.
func entityKey(e *stratplan.Entity) []byte {
	k := make([]byte, 0, len(e.Kind)+1+len(e.ID))
	k = append(k, e.Kind...)
	k = append(k, '/')
	return append(k, e.ID...)
}

// Synced reports whether every commit is synced to disk before Edit
// returns (bbolt's NoSync and NoGrowSync both off).
func (s *Store) Synced() bool { return !s.db.NoSync && !s.db.NoGrowSync }

// ReadOnly reports whether the plan was opened for reading only: asked
// for, or because this user may not write the file.
func (s *Store) ReadOnly() bool { return s.ro }

// Restored reports whether the file turned out to be behind what its
// replica had already written (it was restored from an older copy or a
// backup): its next edit writes under a new replica id.
func (s *Store) Restored() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.restored
}

// Path returns the file's path.
func (s *Store) Path() string { return s.path }

// Close releases the file.
func (s *Store) Close() error {
	s.marks.close()
	return s.db.Close()
}

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
		return ErrReadOnly
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	err := s.edit(fn, !s.bound)
	if errors.Is(err, stratplan.ErrCounterSpent) {
		// This replica has issued all the writes a counter can name: write
		// on under a new one.
		err = s.edit(fn, true)
	}
	return err
}

func (s *Store) edit(fn func(ed *stratplan.Edit) error, mint bool) error {
	prev := s.author
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
			if err := ents.Put(entityKey(e), stratplan.AppendEntityJSON(nil, e)); err != nil {
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
	// The edit is durable in the plan file; the mark only needs to follow.
	s.marks.set(s.author.Replica, s.author.Counter, false)
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
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrChecksum),
		strings.Contains(err.Error(), "file size too small"):
		return ErrNotPlan
	case errors.Is(err, syscall.ENOSPC), strings.Contains(err.Error(), "no space left on device"):
		// bbolt reports some write failures as text only.
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
