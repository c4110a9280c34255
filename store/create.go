package store

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"stratplan"
)

// Create makes a new plan file at path and lets seed fill it as its first
// edit (seed may be nil). The file is built under a temporary name in the
// same folder and moved into place only when complete; an existing file is
// never overwritten.
func Create(path string, opts *Options, seed func(ed *stratplan.Edit) error) error {
	return create(path, opts, stratplan.NewID(), nil, seed)
}

// CreateFrom makes a new plan file at path holding the plan doc (read from
// a bundle someone sent): the same plan id and content, so that what is
// done here merges back with the sender's, written from now on under this
// laptop's own replica id, which it gets at once. As with Create, an
// existing file is never overwritten.
func CreateFrom(path string, opts *Options, doc *stratplan.Document) error {
	return create(path, opts, doc.Plan(), doc, nil)
}

func create(path string, opts *Options, plan string, content *stratplan.Document, seed func(ed *stratplan.Edit) error) error {
	if opts == nil {
		opts = &Options{}
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("%s already exists: stratplan never overwrites a plan; choose another name", path)
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", path, friendly(err))
	}
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, friendly(err))
	}
	tmpPath := tmp.Name()
	tmp.Close()
	defer os.Remove(tmpPath) // after a successful link or rename this is a no-op or removes the extra name
	if err := initFile(tmpPath, plan, content); err != nil {
		return fmt.Errorf("create %s: %w", path, friendly(err))
	}
	if seed != nil || content != nil {
		s, err := Open(tmpPath, &Options{MachineID: opts.MachineID, MarksDir: opts.MarksDir})
		if err != nil {
			return err
		}
		if seed != nil {
			err = s.Edit(seed)
		} else {
			_, err = s.EnsureReplica()
		}
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("create %s: %w", path, err)
		}
	}
	// A hard link refuses to replace a file that appeared meanwhile.
	if err := os.Link(tmpPath, path); err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s already exists: stratplan never overwrites a plan; choose another name", path)
		}
		if err := os.Rename(tmpPath, path); err != nil {
			return fmt.Errorf("create %s: %w", path, friendly(err))
		}
	}
	syncDir(dir)
	return nil
}

// initFile writes an empty plan file of the given plan id, holding the
// entities of content (nil for none) as they are.
func initFile(path, plan string, content *stratplan.Document) error {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opTimeout})
	if err != nil {
		return err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucket(bucketMeta)
		if err != nil {
			return err
		}
		ents, err := tx.CreateBucket(bucketEntities)
		if err != nil {
			return err
		}
		if err := meta.Put(keySchema, []byte(strconv.Itoa(Schema))); err != nil {
			return err
		}
		if content != nil {
			ents.FillPercent = fillPercent
			for _, e := range content.Entities() {
				if err := ents.Put(entityKey(e), stratplan.AppendEntityJSON(nil, e)); err != nil {
					return err
				}
			}
		}
		return meta.Put(keyPlan, []byte(plan))
	})
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	return err
}

const opTimeout = time.Second

// syncDir makes a rename in dir durable where the system allows it (not
// all can open folders; the rename is atomic either way).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// bindingOf names this machine and this file (its inode where files have
// one, else its path), so that a copy of the plan file, on another machine
// or beside the original, writes with a replica id of its own, while a
// rename keeps it.
func bindingOf(path, machine string) (string, error) {
	if machine == "" {
		var err error
		if machine, err = MachineID(); err != nil {
			return "", err
		}
	}
	key := fileKey(path)
	if key == "" {
		abs, err := filepath.Abs(path)
		if err != nil {
			return "", err
		}
		key = abs
	}
	sum := sha256.Sum256([]byte(machine + "\x00" + key))
	return hex.EncodeToString(sum[:16]), nil
}

// MachineID returns this machine's id for stratplan, kept in the user's
// config directory and created on first use.
func MachineID() (string, error) {
	dir, err := ConfigDir()
	if err != nil {
		return "", err
	}
	p := filepath.Join(dir, "machine-id")
	if b, err := os.ReadFile(p); err == nil && len(strings.TrimSpace(string(b))) >= 16 {
		return strings.TrimSpace(string(b)), nil
	}
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	id := hex.EncodeToString(b[:])
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("cannot keep the machine id in %s: %w", dir, err)
	}
	if err := os.WriteFile(p, []byte(id+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("cannot keep the machine id in %s: %w", dir, err)
	}
	return id, nil
}

// ConfigDir is the folder for this user's stratplan settings and keys.
func ConfigDir() (string, error) {
	d, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("no config folder for this user (%w): set HOME", err)
	}
	return filepath.Join(d, "stratplan"), nil
}

// DataDir is the folder for this user's plans: $XDG_DATA_HOME/stratplan,
// ~/.local/share/stratplan on Linux, the config folder elsewhere.
func DataDir() (string, error) {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "stratplan"), nil
	}
	if home, err := os.UserHomeDir(); err == nil && filepath.Separator == '/' && os.Getenv("APPDATA") == "" {
		if _, err := os.Stat("/System/Library"); err != nil { // not macOS
			return filepath.Join(home, ".local", "share", "stratplan"), nil
		}
	}
	return ConfigDir()
}

// DefaultPath is the plan the app opens when given no file.
func DefaultPath() (string, error) {
	d, err := DataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "plan"+Ext), nil
}
