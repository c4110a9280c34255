// Package exchange is how plans travel, the same for the window and the
// command line: a plan file written out as a bundle, and bundles read,
// checked against the plan, previewed and imported all at once.
//
// It sits above export/ (bundle bytes) and store/ (the plan file): the
// window and the commands call it, and nothing below them repeats it.
package exchange

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"stratplan"
	"stratplan/export"
	"stratplan/store"
)

// Plan is what the workflows need of an open plan file; *store.Store has
// it, and the window's plan interface includes it.
type Plan interface {
	Doc() *stratplan.Document
	Merge(incoming *stratplan.Document) (stratplan.MergeStats, error)
	EnsureReplica() (string, error)
	NextExportSeq() (uint64, error)
	TrustedKeys() ([]stratplan.TrustedKey, error)
	ReadOnly() bool
	Replica() string
	ExportSeq() uint64
}

// Outgoing is a plan taken as it stands, ready to be written as a bundle
// (possibly on another goroutine: it holds its own copy of the plan).
type Outgoing struct {
	Doc      *stratplan.Document
	Producer export.Producer
	Keys     []ed25519.PrivateKey
}

// Prepare takes the plan as it stands for export: it gives the plan file its
// replica id on this laptop if it has none and counts one more export.
// key, when not nil, signs the bundle. A plan open read-only is exported
// without writing to it.
func Prepare(p Plan, app string, key ed25519.PrivateKey) (*Outgoing, error) {
	replica, seq, err := "", uint64(0), error(nil)
	if p.ReadOnly() {
		// Nothing is written: the producer is named for information only.
		replica, seq = p.Replica(), p.ExportSeq()+1
		if replica == "" {
			replica = "read-only"
		}
	} else {
		if replica, err = p.EnsureReplica(); err != nil {
			return nil, err
		}
		if seq, err = p.NextExportSeq(); err != nil {
			return nil, err
		}
	}
	doc := p.Doc().Clone()
	o := &Outgoing{Doc: doc, Producer: export.Producer{Replica: replica, Label: doc.ReplicaInfo(replica).Label, App: app, Seq: seq}}
	if key != nil {
		o.Keys = append(o.Keys, key)
	}
	return o, nil
}

// ErrExists is returned when an export would replace an existing file.
var ErrExists = errors.New("already exists")

// Write writes the bundle to path: whole or, on any failure, not at all.
// It does not replace an existing file unless replace is set.
func (o *Outgoing) Write(path string, replace bool) error {
	return writeNew(path, replace, func(w io.Writer) error {
		return export.EncodeBundle(w, o.Doc, o.Producer, time.Now(), o.Keys...)
	})
}

// Signed describes how the bundle is signed, for messages.
func (o *Outgoing) Signed() string {
	if len(o.Keys) == 0 {
		return "unsigned"
	}
	return "signed with key " + stratplan.KeyFingerprint(o.Keys[0].Public().(ed25519.PublicKey))
}

// writeNew writes a file atomically, refusing to replace one unless told to.
func writeNew(path string, replace bool, write func(w io.Writer) error) error {
	if !replace {
		if _, err := os.Lstat(path); err == nil {
			return fmt.Errorf("%s %w: choose another name, or add --force to replace it", path, ErrExists)
		}
	}
	// Not even with --force: a plan file is never replaced by an export.
	if store.IsPlanFile(path) {
		return fmt.Errorf("%s is a plan file, and an export never replaces one: choose another name", path)
	}
	if err := store.WriteFileAtomic(path, func(f *os.File) error { return write(f) }); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// WriteNew writes a file that leaves the app (a report, a spreadsheet)
// atomically, and not over an existing file unless replace is set.
func WriteNew(path string, replace bool, write func(w io.Writer) error) error {
	return writeNew(path, replace, write)
}
