package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"sort"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"

	"stratplan"
)

// KeepBackups is how many backups of a plan file Merge keeps.
const KeepBackups = 5

const backupStamp = "20060102-150405.000"

// Backup is a copy of a plan file made before an import.
type Backup struct {
	Path string
	Time time.Time
}

// BackupDir is the folder where backups of the plan file at path are kept:
// one folder per plan, beside it.
func BackupDir(path string) string {
	return filepath.Join(filepath.Dir(path), ".stratplan-backups", backupFolder(path))
}

// backupFolder names a plan's backups folder: "p" for p.stratplan, and
// "p.plan.stratplan" for a plan file named p.plan, so that p.plan and
// p.plan.stratplan beside it never share one.
func backupFolder(path string) string {
	name := filepath.Base(path)
	if base := strings.TrimSuffix(name, Ext); base != name && base != "" && base != "." && base != ".." {
		return base
	}
	// Named "...stratplan" or ".stratplan": trimmed, the name would lead
	// out of the backups folder, or be it.
	return name + Ext
}

func planBase(path string) string { return strings.TrimSuffix(filepath.Base(path), Ext) }

// backupName matches the backups of one plan and nothing else, whatever
// other plans' names look like.
func backupName(base string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(base) + `-(\d{8}-\d{6}\.\d{3})` + regexp.QuoteMeta(Ext) + `$`)
}

// Backups lists the backups of the plan file at path, the newest first.
func Backups(path string) ([]Backup, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	re := backupName(planBase(path))
	var out []Backup
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		t, err := time.Parse(backupStamp, m[1])
		if err != nil {
			continue
		}
		out = append(out, Backup{Path: filepath.Join(dir, e.Name()), Time: t})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path > out[j].Path })
	return out, nil
}

// BackupDir is the folder where backups of this plan file are kept.
func (s *Store) BackupDir() string { return BackupDir(s.path) }

// backup writes a consistent copy of the plan file to its backups folder
// and removes this plan's oldest backups beyond KeepBackups, never the one
// just made and never another plan's. It returns the copy's path.
func (s *Store) backup() (string, error) {
	dir := s.BackupDir()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", err
	}
	base := planBase(s.path)
	now := time.Now().UTC()
	var name string
	for {
		name = filepath.Join(dir, base+"-"+now.Format(backupStamp)+Ext)
		if _, err := os.Lstat(name); errors.Is(err, os.ErrNotExist) {
			break
		}
		now = now.Add(time.Millisecond)
	}
	err := WriteFileAtomic(name, func(f *os.File) error {
		return s.db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(f)
			return err
		})
	})
	if err != nil {
		return "", err
	}
	all, _ := Backups(s.path)
	kept := 0
	for _, b := range all {
		if b.Path == name {
			continue
		}
		kept++
		if kept >= KeepBackups {
			os.Remove(b.Path)
		}
	}
	return name, nil
}

// DamagedError is returned by Open for a plan file that cannot be read.
// Nothing was written to it.
type DamagedError struct {
	Path    string
	Err     error
	Backups []Backup // newest first
}

func (e *DamagedError) Error() string {
	msg := fmt.Sprintf("%s: the plan file is damaged (%v); nothing was changed in it", e.Path, e.Err)
	if len(e.Backups) == 0 {
		return msg + ". There is no backup of it beside it: if you sent bundles, start a plan from the latest one ('stratplan new FILE --from BUNDLE.json')"
	}
	b := e.Backups[0]
	return msg + fmt.Sprintf(". Restore the latest backup (made %s) with 'stratplan restore %s', or from the window; the damaged file is kept beside it",
		b.Time.Local().Format("2006-01-02 15:04"), e.Path)
}

func (e *DamagedError) Unwrap() error { return e.Err }

// LatestBackup says when the latest backup of the damaged plan was made,
// if it has one.
func (e *DamagedError) LatestBackup() (time.Time, bool) {
	if len(e.Backups) == 0 {
		return time.Time{}, false
	}
	return e.Backups[0].Time, true
}

func damaged(path string, err error) error {
	var de *DamagedError
	if errors.As(err, &de) {
		err = de.Err
	}
	bs, _ := Backups(path)
	return &DamagedError{Path: path, Err: err, Backups: bs}
}

// looksLikePlan tells a damaged plan file from a file that was never one:
// by its name, or by having backups.
func looksLikePlan(path string) bool {
	if strings.HasSuffix(path, Ext) {
		return true
	}
	bs, _ := Backups(path)
	return len(bs) > 0
}

// Restore replaces a damaged plan file with a backup (the latest when
// backup is ""): the damaged file is renamed aside, never deleted, and the
// backup is copied into its place. The restored plan writes under a new
// replica id, so that nothing written since the backup is written again
// under the same dots. It returns where the damaged file was kept.
func Restore(path, backup string) (string, error) {
	if backup == "" {
		bs, err := Backups(path)
		if err != nil {
			return "", err
		}
		if len(bs) == 0 {
			return "", fmt.Errorf("%s: there is no backup of this plan in %s", path, BackupDir(path))
		}
		backup = bs[0].Path
	}
	// Only a whole plan file replaces a plan, and only one of the same plan
	// when the damaged file still tells which plan it was.
	id, err := planIDOf(backup)
	if err != nil {
		return "", fmt.Errorf("backup %s: %w; nothing was changed", backup, err)
	}
	// Which plan the file was: its own id if it still tells, else the id
	// of its backups.
	was, err := planIDOf(path)
	if errors.Is(err, ErrLocked) {
		// A window or command has it open and would go on writing to the
		// file moved aside.
		return "", fmt.Errorf("%s: %w; nothing was changed", path, err)
	}
	if err != nil {
		if bs, _ := Backups(path); len(bs) > 0 {
			was, _ = planIDOf(bs[0].Path)
		}
	}
	if was != "" && was != id {
		return "", fmt.Errorf("backup %s is of another plan (%s) than %s (%s); nothing was changed", backup, id, path, was)
	}
	src, err := os.Open(backup)
	if err != nil {
		return "", fmt.Errorf("backup %s: %w", backup, friendly(err))
	}
	defer src.Close()
	aside := ""
	if _, err := os.Stat(path); err == nil {
		stamp := time.Now().Format("20060102-150405")
		aside = path + ".damaged-" + stamp
		for n := 2; ; n++ { // never over an earlier damaged copy
			if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
				break
			}
			aside = fmt.Sprintf("%s.damaged-%s-%d", path, stamp, n)
		}
		if err := os.Rename(path, aside); err != nil {
			return "", fmt.Errorf("%s: cannot move the damaged file aside: %w", path, friendly(err))
		}
	}
	if err := WriteFileAtomic(path, func(f *os.File) error {
		_, err := io.Copy(f, src)
		return err
	}); err != nil {
		if aside != "" {
			os.Rename(aside, path)
		}
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return aside, nil
}

// planIDOf reads the plan id of a plan file without writing to it: an
// error when the file is not a whole, readable plan.
func planIDOf(path string) (string, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return "", friendly(err)
	}
	if !fi.Mode().IsRegular() || fi.Size() == 0 || cutShort(path, fi.Size()) {
		return "", ErrNotPlan
	}
	db, err := openBolt(path, 100*time.Millisecond, true)
	if err != nil {
		var de *DamagedError
		if errors.As(err, &de) {
			return "", ErrNotPlan
		}
		return "", friendly(err)
	}
	defer db.Close()
	return readPlanID(db)
}

// readPlanID reads a plan's id, and every entity to check they read.
func readPlanID(db *bolt.DB) (id string, err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // see load
	defer func() {
		if r := recover(); r != nil { // bbolt panics on some damaged pages
			err = ErrNotPlan
		}
	}()
	err = db.View(func(tx *bolt.Tx) error {
		meta, ents := tx.Bucket(bucketMeta), tx.Bucket(bucketEntities)
		if meta == nil || ents == nil {
			return ErrNotPlan
		}
		if v, err := strconv.Atoi(string(meta.Get(keySchema))); err != nil || v > Schema {
			return ErrNotPlan
		}
		id = string(meta.Get(keyPlan))
		if !stratplan.ValidID(id) {
			return ErrNotPlan
		}
		var vals [][]byte
		if err := ents.ForEach(func(_, v []byte) error {
			vals = append(vals, v)
			return nil
		}); err != nil {
			return err
		}
		_, err := parseAll(vals)
		return err
	})
	if err != nil {
		return "", ErrNotPlan
	}
	return id, nil
}
