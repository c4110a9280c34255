package store_test

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"stratplan"
	"stratplan/store"
)

// MustCreate makes a plan file in a temp dir on machine m and opens it.
func MustCreate(tb testing.TB, m string) *store.Store {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "plan"+store.Ext)
	if err := store.Create(path, &store.Options{MachineID: m}, func(ed *stratplan.Edit) error {
		return ed.Set(ed.Doc().Plan(), stratplan.KindPlan, stratplan.Set("title", stratplan.Text("Plan 2027–2030")))
	}); err != nil {
		tb.Fatal(err)
	}
	return MustOpen(tb, path, m)
}

func MustOpen(tb testing.TB, path, m string) *store.Store {
	tb.Helper()
	s, err := store.Open(path, &store.Options{MachineID: m})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func setText(s *store.Store, id, text string) error {
	return s.Edit(func(ed *stratplan.Edit) error {
		return ed.Set(id, stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(text)), stratplan.Set("quadrant", stratplan.Text("strength")))
	})
}

func TestEditsSurviveReopen(t *testing.T) {
	s := MustCreate(t, "m1")
	if err := setText(s, "s1", "Trusted trader programme in Côte d'Ivoire"); err != nil {
		t.Fatal(err)
	}
	if s.SavedAt().IsZero() {
		t.Fatal("no save time after an edit")
	}
	path, plan := s.Path(), s.Doc().Plan()
	s.Close()

	r := MustOpen(t, path, "m1")
	if r.Doc().Plan() != plan {
		t.Fatal("plan id changed on reopen")
	}
	if got := r.Doc().Entity("s1").Str("text"); got != "Trusted trader programme in Côte d'Ivoire" {
		t.Fatalf("text after reopen = %q", got)
	}
	if got := r.Doc().PlanInfo().Title; got != "Plan 2027–2030" {
		t.Fatalf("title after reopen = %q", got)
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
}

func TestSecondOpenerGetsClearErrorQuickly(t *testing.T) {
	s := MustCreate(t, "m1")
	start := time.Now()
	_, err := store.Open(s.Path(), &store.Options{MachineID: "m1", Timeout: 500 * time.Millisecond})
	if !errors.Is(err, store.ErrLocked) {
		t.Fatalf("second open: %v, want ErrLocked", err)
	}
	if !strings.Contains(err.Error(), "open in another stratplan window or command") {
		t.Fatalf("message %q does not say what is wrong", err)
	}
	t.Logf("refused after %v (the lock wait is the Timeout option)", time.Since(start))
}

func TestNewerSchemaIsRefused(t *testing.T) {
	s := MustCreate(t, "m1")
	path := s.Path()
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte(strconv.Itoa(store.Schema+1)))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = store.Open(path, &store.Options{MachineID: "m1"})
	var ne *store.NewerSchemaError
	if !errors.As(err, &ne) || !strings.Contains(err.Error(), "newer version of stratplan") {
		t.Fatalf("err = %v, want a newer-version refusal", err)
	}
}

func TestNotAPlanFileIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes"+store.Ext)
	if err := os.WriteFile(path, []byte(strings.Repeat("not a plan\n", 1000)), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Open(path, nil); !errors.Is(err, store.ErrNotPlan) {
		t.Fatalf("err = %v, want ErrNotPlan", err)
	}
	if _, err := store.Open(filepath.Join(t.TempDir(), "missing.stratplan"), nil); err == nil || !strings.Contains(err.Error(), "no such plan file") {
		t.Fatalf("missing file: %v", err)
	}
}

func TestCreateNeverOverwrites(t *testing.T) {
	s := MustCreate(t, "m1")
	if err := setText(s, "s1", "keep me"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if err := store.Create(s.Path(), nil, nil); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Fatalf("create over an existing plan: %v", err)
	}
	if got := MustOpen(t, s.Path(), "m1").Doc().Entity("s1").Str("text"); got != "keep me" {
		t.Fatal("the existing plan was changed")
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(s.Path()), ".*tmp*"))
	if len(left) != 0 {
		t.Fatalf("temporary files left behind: %v", left)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestCopiedPlanMintsItsOwnReplica(t *testing.T) {
	s := MustCreate(t, "laptop-a")
	if err := setText(s, "s1", "written on A"); err != nil {
		t.Fatal(err)
	}
	original := s.Replica()
	if original == "" {
		t.Fatal("no replica after a write")
	}
	s.Close()

	// Reopened on the same machine: same replica, counter goes on.
	s = MustOpen(t, s.Path(), "laptop-a")
	if err := setText(s, "s2", "again on A"); err != nil {
		t.Fatal(err)
	}
	if s.Replica() != original {
		t.Fatal("reopening on the same machine changed the replica")
	}
	s.Close()

	for _, c := range []struct{ name, machine string }{{"other machine", "laptop-b"}, {"copy beside the original", "laptop-a"}} {
		t.Run(c.name, func(t *testing.T) {
			copyPath := filepath.Join(t.TempDir(), "copy"+store.Ext)
			copyFile(t, s.Path(), copyPath)
			cp := MustOpen(t, copyPath, c.machine)
			if err := setText(cp, "s3", "written on the copy"); err != nil {
				t.Fatal(err)
			}
			if cp.Replica() == original || cp.Replica() == "" {
				t.Fatalf("the copy writes as %q, the original as %q", cp.Replica(), original)
			}
			e := cp.Doc().Entity("s3")
			if d := e.Field("text").Vals[0].Dot; d.Replica != cp.Replica() || d.N != 1 {
				t.Fatalf("first write on the copy has dot %v", d)
			}
			// The new replica says who it is, with the original's label.
			if cp.Doc().ReplicaInfo(cp.Replica()).Label == "" {
				t.Fatal("the new replica has no label")
			}
		})
	}
}

func TestFailedEditChangesNothing(t *testing.T) {
	s := MustCreate(t, "m1")
	if err := setText(s, "s1", "kept"); err != nil {
		t.Fatal(err)
	}
	want := errors.New("refused")
	err := s.Edit(func(ed *stratplan.Edit) error {
		if err := ed.Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("lost"))); err != nil {
			return err
		}
		return want
	})
	if !errors.Is(err, want) || s.Doc().Entity("s1").Str("text") != "kept" {
		t.Fatalf("failed edit: err %v, text %q", err, s.Doc().Entity("s1").Str("text"))
	}
}

func TestDamagedEntityIsReportedNotDropped(t *testing.T) {
	s := MustCreate(t, "m1")
	path := s.Path()
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("entities")).Put([]byte("broken"), []byte(`{"id":"broken","kind":"swot","fields":{"text":{"ctx":{},"vals":[{"dot":"r:1","at":"2026-01-01T00:00:00Z","v":"x"}]}}}`))
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err = store.Open(path, &store.Options{MachineID: "m1"})
	if err == nil || !strings.Contains(err.Error(), "damaged") || !strings.Contains(err.Error(), "entity broken") || !strings.Contains(err.Error(), "backup") {
		t.Fatalf("err = %v", err)
	}
}

func TestMergeIsAllOrNothingAndKeepsFiveBackups(t *testing.T) {
	s := MustCreate(t, "m1")
	plan := s.Doc().Plan()
	other := &stratplan.Author{Replica: "rother"}
	for i := range 7 {
		in := stratplan.NewDocument(plan)
		if err := in.Begin(other).Set(fmt.Sprintf("x%d", i), stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("from a bundle"))); err != nil {
			t.Fatal(err)
		}
		st, err := s.Merge(in)
		if err != nil || st.NewEntities != 1 {
			t.Fatalf("merge %d: %+v, %v", i, st, err)
		}
		time.Sleep(2 * time.Millisecond) // backups are named by the millisecond
	}
	backups, _ := filepath.Glob(filepath.Join(s.BackupDir(), "*"+store.Ext))
	if len(backups) != store.KeepBackups {
		t.Fatalf("%d backups kept, want %d", len(backups), store.KeepBackups)
	}
	// A merge the document refuses changes nothing and makes no backup:
	// the same write (rother:1) with another value.
	bad := stratplan.NewDocument(plan)
	if err := bad.Begin(&stratplan.Author{Replica: "rother"}).Set("x0", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("forged"))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Merge(bad); err == nil || !strings.Contains(err.Error(), "two different values") {
		t.Fatalf("a forged write was merged: %v", err)
	}
	if s.Doc().Entity("x0").Str("text") != "from a bundle" {
		t.Fatal("a refused merge changed the plan")
	}
	if again, _ := filepath.Glob(filepath.Join(s.BackupDir(), "*"+store.Ext)); len(again) != store.KeepBackups {
		t.Fatal("a refused merge made a backup")
	}
	s.Close()
	r := MustOpen(t, s.Path(), "m1")
	if r.Doc().Entity("x6") == nil {
		t.Fatal("merged entities are not in the file")
	}
}
