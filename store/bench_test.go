package store_test

import (
	"errors"
	"fmt"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"stratplan"
	"stratplan/store"
)

// BenchmarkEdit is one durable user edit: a SWOT item's text, written with
// its replica counter in one synced transaction. Compare with
// BenchmarkBareBoltUpdate (the bar: at most 2×).
func BenchmarkEdit(b *testing.B) {
	s := MustCreate(b, "m1")
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := s.Edit(func(ed *stratplan.Edit) error {
			return ed.Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(fmt.Sprintf("Modern risk engine %d", i))))
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareBoltUpdate is the floor: one bbolt update of one key.
func BenchmarkBareBoltUpdate(b *testing.B) {
	db, err := bolt.Open(filepath.Join(b.TempDir(), "bare.db"), 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("b")); return err }); err != nil {
		b.Fatal(err)
	}
	for i := 0; b.Loop(); i++ {
		if err := db.Update(func(tx *bolt.Tx) error {
			return tx.Bucket([]byte("b")).Put([]byte("s1"), fmt.Appendf(nil, "Modern risk engine %d", i))
		}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkOpen30000 opens a plan of 30,000 entities and loads it (the
// bar: opening such a plan and showing the first step in under a second).
func BenchmarkOpen30000(b *testing.B) {
	s := MustCreate(b, "m1")
	if err := s.Edit(func(ed *stratplan.Edit) error {
		for i := range 30000 {
			if err := ed.Set(fmt.Sprintf("e%05d", i), stratplan.KindSWOT, stratplan.Set("quadrant", stratplan.Text("strength")),
				stratplan.Set("text", stratplan.Text(fmt.Sprintf("Item %d of a large consolidated plan", i))), stratplan.Set("workshop", stratplan.Text("ws"))); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	path := s.Path()
	s.Close()
	for b.Loop() {
		o, err := store.Open(path, &store.Options{MachineID: "m1"})
		if err != nil {
			b.Fatal(err)
		}
		o.Close()
	}
}

// BenchmarkSecondOpener is how long a second window or command waits
// before it is told the plan is open elsewhere (the bar: under 2 s).
func BenchmarkSecondOpener(b *testing.B) {
	s := MustCreate(b, "m1")
	for b.Loop() {
		if _, err := store.Open(s.Path(), &store.Options{MachineID: "m1"}); !errors.Is(err, store.ErrLocked) {
			b.Fatal(err)
		}
	}
}
