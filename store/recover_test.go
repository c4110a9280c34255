package store_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"stratplan"
	"stratplan/store"
)

func TestMain(m *testing.M) {
	// Replica marks and keys go to a folder of the test's own.
	dir, err := os.MkdirTemp("", "stratplan-store-test")
	if err != nil {
		panic(err)
	}
	os.Setenv("XDG_CONFIG_HOME", dir)
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// copyOver writes src's bytes over dst in place, as `cp src dst` does: dst
// keeps its identity (inode), so only the replica mark can tell.
func copyOver(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(dst, os.O_WRONLY|os.O_TRUNC, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Write(b); err != nil {
		t.Fatal(err)
	}
	f.Close()
}

func TestAPlanRestoredFromACopyNeverReissuesADot(t *testing.T) {
	s := MustCreate(t, "m1")
	path := s.Path()
	if err := setText(s, "s1", "first"); err != nil {
		t.Fatal(err)
	}
	r1 := s.Replica()
	s.Close()
	old := filepath.Join(t.TempDir(), "copy"+store.Ext)
	copyFile(t, path, old)

	s = MustOpen(t, path, "m1")
	if err := setText(s, "s2", "written after the copy"); err != nil {
		t.Fatal(err)
	}
	later := s.Doc().Clone() // what a bundle exported now would carry
	s.Close()

	copyOver(t, old, path) // cp copy.stratplan plan.stratplan
	s = MustOpen(t, path, "m1")
	if !s.Restored() {
		t.Fatal("the restored file is not recognised as behind its replica")
	}
	if err := setText(s, "s3", "written after the restore"); err != nil {
		t.Fatal(err)
	}
	if s.Replica() == r1 {
		t.Fatal("the restored plan writes again under the replica id whose dots are already out")
	}
	// Both histories merge, in either order, with nothing lost.
	a := s.Doc().Clone()
	if _, err := a.Merge(later); err != nil {
		t.Fatal(err)
	}
	b := later.Clone()
	if _, err := b.Merge(s.Doc()); err != nil {
		t.Fatal(err)
	}
	for _, d := range []*stratplan.Document{a, b} {
		for id, want := range map[string]string{"s1": "first", "s2": "written after the copy", "s3": "written after the restore"} {
			if got := d.Entity(id).Str("text"); got != want {
				t.Fatalf("%s = %q, want %q", id, got, want)
			}
		}
	}
}

func TestBackupsOfOtherPlansAreNeverPruned(t *testing.T) {
	dir := t.TempDir()
	mk := func(name string) *store.Store {
		p := filepath.Join(dir, name)
		if err := store.Create(p, &store.Options{MachineID: "m1"}, nil); err != nil {
			t.Fatal(err)
		}
		return MustOpen(t, p, "m1")
	}
	plan, plan2026 := mk("plan"+store.Ext), mk("plan-2026"+store.Ext)
	importInto := func(s *store.Store, n int) {
		for i := 0; i < n; i++ {
			in := stratplan.NewDocument(s.Doc().Plan())
			if err := in.Begin(&stratplan.Author{Replica: "rin"}).Set(fmt.Sprintf("x%d", i), stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("x"))); err != nil {
				t.Fatal(err)
			}
			if _, err := s.Merge(in); err != nil {
				t.Fatal(err)
			}
		}
	}
	importInto(plan2026, 3)
	importInto(plan, 7)
	b2026, _ := store.Backups(plan2026.Path())
	bplan, _ := store.Backups(plan.Path())
	if len(b2026) != 3 {
		t.Fatalf("plan-2026 has %d backups left after imports into plan, want its 3", len(b2026))
	}
	if len(bplan) != store.KeepBackups {
		t.Fatalf("plan has %d backups, want %d", len(bplan), store.KeepBackups)
	}
	for _, b := range bplan {
		if !strings.HasPrefix(filepath.Base(b.Path), "plan-2") || strings.HasPrefix(filepath.Base(b.Path), "plan-2026-") {
			t.Fatalf("unexpected backup %s", b.Path)
		}
	}
	// A plan file named without the extension beside one named with it
	// (v2 and v2.stratplan): each keeps its own backups.
	bare, named := mk("v2"), mk("v2"+store.Ext)
	importInto(bare, 2)
	importInto(named, 7)
	if bb, _ := store.Backups(bare.Path()); len(bb) != 2 {
		t.Fatalf("v2 has %d backups left after imports into v2.stratplan, want its 2", len(bb))
	}
	if store.BackupDir(bare.Path()) == store.BackupDir(named.Path()) {
		t.Fatal("v2 and v2.stratplan share a backups folder")
	}
	// Odd names never lead out of the backups folder, nor are it.
	for _, n := range []string{"...stratplan", "..stratplan", ".stratplan"} {
		if d := store.BackupDir(filepath.Join(dir, n)); filepath.Dir(d) != filepath.Join(dir, ".stratplan-backups") {
			t.Errorf("the backups of %s go to %s", n, d)
		}
	}
}

// planWithBackup is a plan whose s1 says text, and a backup of it: an
// import makes one before it writes.
func planWithBackup(t *testing.T, text string) *store.Store {
	t.Helper()
	s := MustCreate(t, "m1")
	if err := setText(s, "s1", text); err != nil {
		t.Fatal(err)
	}
	in := stratplan.NewDocument(s.Doc().Plan())
	if err := in.Begin(&stratplan.Author{Replica: "rin"}).Set("x", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("imported"))); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Merge(in); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestADamagedPlanIsNeverWrittenAndItsBackupRestores(t *testing.T) {
	s := planWithBackup(t, "kept in the backup")
	path := s.Path()
	r1 := s.Replica()
	s.Close()

	// Damage the file: zero its first pages.
	data, _ := os.ReadFile(path)
	for i := 0; i < 8192 && i < len(data); i++ {
		data[i] = 0
	}
	os.WriteFile(path, data, 0o600)
	_, err := store.Open(path, &store.Options{MachineID: "m1"})
	var de *store.DamagedError
	if !errors.As(err, &de) || len(de.Backups) != 1 || !strings.Contains(err.Error(), "stratplan restore") {
		t.Fatalf("err = %v, want a damaged-file error offering the backup", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, data) {
		t.Fatal("opening the damaged file changed it")
	}

	aside, err := store.Restore(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if kept, _ := os.ReadFile(aside); !bytes.Equal(kept, data) {
		t.Fatal("the damaged file was not kept aside as it was")
	}
	r := MustOpen(t, path, "m1")
	if got := r.Doc().Entity("s1").Str("text"); got != "kept in the backup" {
		t.Fatalf("restored plan shows %q", got)
	}
	if err := setText(r, "s2", "after the restore"); err != nil {
		t.Fatal(err)
	}
	if r.Replica() == r1 {
		t.Fatal("the restored backup writes under the old replica id")
	}

	// An empty plan file is damaged too, and left as it is.
	empty := filepath.Join(t.TempDir(), "empty"+store.Ext)
	os.WriteFile(empty, nil, 0o600)
	if _, err := store.Open(empty, nil); !errors.As(err, &de) {
		t.Fatalf("empty file: %v", err)
	}
	if fi, _ := os.Stat(empty); fi.Size() != 0 {
		t.Fatal("opening an empty plan file wrote to it")
	}
}

// mountTmpfs mounts a small tmpfs for the test (root only).
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		if os.Getenv("CI") != "" {
			t.Fatal("this test needs root to mount a small file system")
		}
		t.Skip("needs root to mount a small file system")
	}
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func TestAReadOnlyPlanOpensReadOnly(t *testing.T) {
	var path string
	if os.Geteuid() == 0 {
		dir := mountTmpfs(t, "4m")
		path = filepath.Join(dir, "plan"+store.Ext)
		if err := store.Create(path, &store.Options{MachineID: "m1"}, func(ed *stratplan.Edit) error {
			return ed.Set("s1", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("on a read-only disk")))
		}); err != nil {
			t.Fatal(err)
		}
		if out, err := exec.Command("mount", "-o", "remount,ro", dir).CombinedOutput(); err != nil {
			t.Fatalf("remount: %v %s", err, out)
		}
	} else {
		s := MustCreate(t, "m1")
		setText(s, "s1", "on a read-only disk")
		path = s.Path()
		s.Close()
		os.Chmod(path, 0o444)
	}
	s, err := store.Open(path, &store.Options{MachineID: "m1"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if !s.ReadOnly() {
		t.Fatal("a plan that cannot be written is not reported read-only")
	}
	if s.Doc().Entity("s1").Str("text") != "on a read-only disk" {
		t.Fatal("the plan's content is not there")
	}
	if err := setText(s, "s2", "x"); !errors.Is(err, store.ErrReadOnly) || !strings.Contains(err.Error(), "edits are off") {
		t.Fatalf("edit: %v", err)
	}
}

func TestAFullDiskLosesNothingAndSaysSo(t *testing.T) {
	dir := mountTmpfs(t, "1m")
	path := filepath.Join(dir, "plan"+store.Ext)
	if err := store.Create(path, &store.Options{MachineID: "m1"}, nil); err != nil {
		t.Fatal(err)
	}
	s := MustOpen(t, path, "m1")
	if err := setText(s, "s1", "saved before the disk filled"); err != nil {
		t.Fatal(err)
	}
	// Fill the disk.
	filler := filepath.Join(dir, "filler")
	f, _ := os.Create(filler)
	f.Write(make([]byte, 4<<20))
	f.Sync()
	f.Close()

	var err error
	big := strings.Repeat("x", 90000)
	for i := 0; i < 50 && err == nil; i++ {
		err = setText(s, fmt.Sprintf("big%d", i), big)
	}
	if err == nil || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), "not saved") {
		t.Fatalf("edit on a full disk: %v", err)
	}
	// An import makes a backup first: it is refused whole.
	in := stratplan.NewDocument(s.Doc().Plan())
	in.Begin(&stratplan.Author{Replica: "rin"}).Set("x", stratplan.KindSWOT, stratplan.Set("text", stratplan.Text("imported")))
	if _, err := s.Merge(in); err == nil || !strings.Contains(err.Error(), "disk is full") || !strings.Contains(err.Error(), "nothing was imported") {
		t.Fatalf("import on a full disk: %v", err)
	}
	if s.Doc().Entity("x") != nil {
		t.Fatal("the refused import shows in the plan")
	}
	s.Close()
	os.Remove(filler)
	r := MustOpen(t, path, "m1")
	if r.Doc().Entity("s1").Str("text") != "saved before the disk filled" {
		t.Fatal("an acknowledged edit was lost")
	}
	if err := r.Check(); err != nil {
		t.Fatal(err)
	}
	if err := setText(r, "s2", "after freeing space"); err != nil {
		t.Fatalf("after freeing space: %v", err)
	}
}

func TestAFileOfTheFirstLayoutIsBroughtUpToDate(t *testing.T) {
	// Schema 1 kept entities under their id alone.
	s := MustCreate(t, "m1")
	setText(s, "s1", "from an older version")
	path := s.Path()
	s.Close()
	downgrade(t, path)
	r := MustOpen(t, path, "m1")
	if r.Doc().Entity("s1").Str("text") != "from an older version" {
		t.Fatal("the older file's content is not read")
	}
	if err := setText(r, "s1", "edited now"); err != nil {
		t.Fatal(err)
	}
	n := r.Doc().Len()
	r.Close()
	if keys := countKeys(t, path); keys != n {
		t.Fatalf("the file holds %d records for %d entities", keys, n)
	}
	r = MustOpen(t, path, "m1")
	if r.Doc().Entity("s1").Str("text") != "edited now" {
		t.Fatal("the edit after the upgrade is lost")
	}
}

// downgrade rewrites a plan file in the first layout: schema 1, entities
// keyed by id.
func downgrade(t *testing.T, path string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		ents := tx.Bucket([]byte("entities"))
		var keys, vals [][]byte
		ents.ForEach(func(k, v []byte) error {
			keys = append(keys, append([]byte{}, k...))
			vals = append(vals, append([]byte{}, v...))
			return nil
		})
		for i, k := range keys {
			ents.Delete(k)
			_, id, _ := bytes.Cut(k, []byte("/"))
			if err := ents.Put(id, vals[i]); err != nil {
				return err
			}
		}
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("1"))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func countKeys(t *testing.T, path string) int {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := 0
	db.View(func(tx *bolt.Tx) error {
		n = tx.Bucket([]byte("entities")).Stats().KeyN
		return nil
	})
	return n
}

// Edits are durable because bbolt syncs every commit: the store must never
// turn that off for speed.
func TestEditsAreSynced(t *testing.T) {
	s := MustCreate(t, "m1")
	if !s.Synced() {
		t.Fatal("the plan file is open without fsync on commit")
	}
}

// A plan open in a window is not restored under it: the window would go on
// writing to the file moved aside, and every edit after the restore would
// be lost.
func TestRestoreRefusesAPlanOpenElsewhere(t *testing.T) {
	s := planWithBackup(t, "first")
	path := s.Path()
	if err := setText(s, "s1", "typed after the backup"); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	_, err := store.Restore(path, "")
	if !errors.Is(err, store.ErrLocked) || !strings.Contains(err.Error(), "nothing was changed") {
		t.Fatalf("restore of an open plan: %v, want it refused as open elsewhere", err)
	}
	if now, _ := os.ReadFile(path); !bytes.Equal(now, before) {
		t.Fatal("the open plan's file changed")
	}
	if aside, _ := filepath.Glob(path + ".damaged-*"); len(aside) > 0 {
		t.Fatalf("the open plan was moved aside: %v", aside)
	}
	if err := setText(s, "s2", "the window goes on"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if got := MustOpen(t, path, "m1").Doc().Entity("s1").Str("text"); got != "typed after the backup" {
		t.Fatalf("the plan shows %q after a refused restore", got)
	}
}
