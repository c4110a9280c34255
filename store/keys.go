package store

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	bolt "go.etcd.io/bbolt"

	"stratplan"
)

var (
	bucketTrusted = []byte("trusted")
	keyExportSeq  = []byte("export_seq")
)

// OwnKey returns this user's signing key, kept in the config folder (file
// mode 0600) and created on first use.
func OwnKey() (ed25519.PrivateKey, error) {
	dir, err := ConfigDir()
	if err != nil {
		return nil, err
	}
	p := filepath.Join(dir, "signing.key")
	if b, err := os.ReadFile(p); err == nil {
		seed, err := base64.StdEncoding.DecodeString(strings.TrimSpace(string(b)))
		if err != nil || len(seed) != ed25519.SeedSize {
			return nil, fmt.Errorf("%s is damaged: move it away and a new key will be made (bundles you signed with the old one stay valid)", p)
		}
		return ed25519.NewKeyFromSeed(seed), nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	seed := make([]byte, ed25519.SeedSize)
	if _, err := rand.Read(seed); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	if err := WriteFileAtomic(p, func(f *os.File) error {
		if err := f.Chmod(0o600); err != nil {
			return err
		}
		_, err := f.WriteString(base64.StdEncoding.EncodeToString(seed) + "\n")
		return err
	}); err != nil {
		return nil, fmt.Errorf("cannot keep the signing key in %s: %w", dir, err)
	}
	return ed25519.NewKeyFromSeed(seed), nil
}

// WithOwnKey adds this laptop's own key to trusted, under label, unless it
// is there already: a bundle signed on this laptop is its own. No key is
// made here when there is none yet.
func WithOwnKey(trusted []stratplan.TrustedKey, label string) []stratplan.TrustedKey {
	dir, err := ConfigDir()
	if err != nil {
		return trusted
	}
	if _, err := os.Stat(filepath.Join(dir, "signing.key")); err != nil {
		return trusted
	}
	k, err := OwnKey()
	if err != nil {
		return trusted
	}
	return stratplan.WithKey(trusted, k.Public().(ed25519.PublicKey), label)
}

// EncodeKey writes a public key as bundles do: standard base64.
func EncodeKey(k ed25519.PublicKey) string { return base64.StdEncoding.EncodeToString(k) }

// ParseKey reads a base64 ed25519 public key.
func ParseKey(s string) (ed25519.PublicKey, error) {
	b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(s))
	if err != nil {
		return nil, errors.New("a key is written in base64, as 'stratplan keys' shows it")
	}
	if len(b) != ed25519.PublicKeySize {
		return nil, fmt.Errorf("the key is %d bytes long; an ed25519 key has %d", len(b), ed25519.PublicKeySize)
	}
	return ed25519.PublicKey(b), nil
}

type trustedJSON struct {
	Label  string `json:"label"`
	Region string `json:"region"`
}

// TrustedKeys returns the keys this plan file trusts, sorted by label.
// Trusted keys are local to the file: bundles never carry them.
func (s *Store) TrustedKeys() ([]stratplan.TrustedKey, error) {
	var out []stratplan.TrustedKey
	err := s.db.View(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTrusted)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, v []byte) error {
			var t trustedJSON
			if err := json.Unmarshal(v, &t); err != nil {
				return fmt.Errorf("the trusted keys are damaged: %w", err)
			}
			key, err := ParseKey(string(k))
			if err != nil {
				return err
			}
			out = append(out, stratplan.TrustedKey{Key: key, Label: t.Label, Region: t.Region})
			return nil
		})
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Label < out[j].Label })
	return out, err
}

// Trust records that key belongs to label, who speaks for region.
func (s *Store) Trust(t stratplan.TrustedKey) error {
	if len(t.Key) != ed25519.PublicKeySize {
		return errors.New("not an ed25519 public key")
	}
	if strings.TrimSpace(t.Label) == "" {
		return errors.New("give the key a label that says whose it is")
	}
	v, _ := json.Marshal(trustedJSON{Label: t.Label, Region: t.Region})
	return s.update(func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketTrusted)
		if err != nil {
			return err
		}
		return b.Put([]byte(EncodeKey(t.Key)), v)
	})
}

// Untrust forgets a trusted key.
func (s *Store) Untrust(key ed25519.PublicKey) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketTrusted)
		if b == nil || b.Get([]byte(EncodeKey(key))) == nil {
			return errors.New("this key is not trusted by this plan")
		}
		return b.Delete([]byte(EncodeKey(key)))
	})
}

// NextExportSeq counts one more export of this plan file and returns the
// count.
func (s *Store) NextExportSeq() (uint64, error) {
	var n uint64
	err := s.update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		if v := meta.Get(keyExportSeq); len(v) == 8 {
			n = binary.BigEndian.Uint64(v)
		}
		n++
		return meta.Put(keyExportSeq, binary.BigEndian.AppendUint64(nil, n))
	})
	if err != nil {
		return 0, err
	}
	// From now on this replica's dots are on other laptops: remember them
	// durably, outside the plan file.
	s.mu.Lock()
	r, c, bound := s.author.Replica, s.author.Counter, s.bound
	s.mu.Unlock()
	if bound {
		if err := s.marks.set(r, c, true); err != nil {
			return 0, fmt.Errorf("cannot note what this laptop has written: %w", friendly(err))
		}
	}
	return n, nil
}

func (s *Store) update(fn func(tx *bolt.Tx) error) error {
	if s.ro {
		return errors.New("this plan was opened read-only")
	}
	if err := s.db.Update(fn); err != nil {
		return friendly(err)
	}
	return nil
}

// ExportSeq returns how many exports of this plan file there have been.
func (s *Store) ExportSeq() uint64 {
	var n uint64
	s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(bucketMeta).Get(keyExportSeq); len(v) == 8 {
			n = binary.BigEndian.Uint64(v)
		}
		return nil
	})
	return n
}
