package main

import (
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"stratplan"
	"stratplan/store"
)

const killChildEnv = "STRATPLAN_KILL_CHILD"

// TestKillChild runs one command line given by the parent test, to be
// killed at a random moment.
func TestKillChild(t *testing.T) {
	spec := os.Getenv(killChildEnv)
	if spec == "" {
		t.Skip("runs only as the child of the kill tests")
	}
	var args []string
	if err := json.Unmarshal([]byte(spec), &args); err != nil {
		t.Fatal(err)
	}
	os.Exit(run(args, os.Stdout, os.Stderr))
}

func killRounds() int {
	if n, err := strconv.Atoi(os.Getenv("STRATPLAN_KILL_ROUNDS")); err == nil {
		return n
	}
	return 15
}

// childStartup measures how long a child takes to start and run a command
// that does nothing, so that kills can be aimed at the work itself.
func childStartup(t *testing.T) time.Duration {
	t.Helper()
	var best time.Duration
	for i := 0; i < 3; i++ {
		spec, _ := json.Marshal([]string{"--version"})
		cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), killChildEnv+"="+string(spec))
		start := time.Now()
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		if d := time.Since(start); i == 0 || d < best {
			best = d
		}
	}
	return best
}

// runKilledAfter runs the command in a child, waits until begun reports
// that it has begun the work under test (polling the file system), then
// kills it after a random delay up to within; it reports whether the child
// finished first.
func runKilledAfter(t *testing.T, rng *rand.Rand, begun func() bool, within time.Duration, args ...string) bool {
	t.Helper()
	spec, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), killChildEnv+"="+string(spec))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	for !begun() {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%v finished with %v", args, err)
			}
			return true
		case <-time.After(100 * time.Microsecond):
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%v finished with %v", args, err)
		}
		return true
	case <-time.After(time.Duration(rng.Int63n(int64(within) + 1))):
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		return false
	}
}

// runKilled runs the command in a child and kills it after a random delay
// between from and to; it reports whether the child finished first.
func runKilled(t *testing.T, rng *rand.Rand, from, to time.Duration, args ...string) bool {
	t.Helper()
	spec, _ := json.Marshal(args)
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), killChildEnv+"="+string(spec))
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("%v finished with %v", args, err)
		}
		return true
	case <-time.After(from + time.Duration(rng.Int63n(int64(to-from)+1))):
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		return false
	}
}

func canonFile(t *testing.T, path string) string {
	t.Helper()
	s, err := store.Open(path, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	var b []byte
	for _, e := range s.Doc().Entities() {
		b = stratplan.AppendEntityJSON(b, e)
	}
	return string(b)
}

func copyPlan(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// bigBundle makes a plan, a copy of it with 10,000 more entities, and a
// bundle of that copy.
func bigBundle(t *testing.T) (plan, big, bundle string) {
	t.Helper()
	sec, eur := twoCopies(t)
	editPlan(t, eur, func(ed *stratplan.Edit) error {
		for i := 0; i < 10000; i++ {
			if err := ed.Set(fmt.Sprintf("big%05d", i), stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(fmt.Sprintf("item %d from Europe", i))),
				stratplan.Set("quadrant", stratplan.Text("threat"))); err != nil {
				return err
			}
		}
		return nil
	})
	bundle = filepath.Join(filepath.Dir(eur), "big.json")
	if code, _, errs := runCmd(t, "export", eur, "--bundle", bundle); code != 0 {
		t.Fatal(errs)
	}
	return sec, eur, bundle
}

// TestKillDuringImportLeavesBeforeOrAfter kills imports of 10,000 entities
// at random moments, half of them once the import has begun writing (its
// backup, then its one transaction), and checks that the plan is always
// either as before or as after. Like every kill test it shows what a
// crashed process leaves, not what a power cut leaves: the page cache
// survives a SIGKILL (see store's TestEditsAreSynced for fsync).
func TestKillDuringImportLeavesBeforeOrAfter(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	sec, _, bundle := bigBundle(t)
	before := canonFile(t, sec)
	done := filepath.Join(t.TempDir(), "done.stratplan")
	copyPlan(t, sec, done)
	start := time.Now()
	if code, _, errs := runCmd(t, "import", done, bundle); code != 0 {
		t.Fatal(errs)
	}
	took := time.Since(start)
	after := canonFile(t, done)

	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	startup := childStartup(t)
	finished, killed, midImport := 0, 0, 0
	for round := 0; round < killRounds(); round++ {
		target := filepath.Join(t.TempDir(), "target.stratplan")
		copyPlan(t, sec, target)
		var wasFinished bool
		if round%2 == 0 { // anywhere in the run
			wasFinished = runKilled(t, rng, startup, startup+took, "import", target, bundle)
		} else { // once the backup has begun: backup, then the transaction
			wasFinished = runKilledAfter(t, rng, func() bool {
				_, err := os.Stat(store.BackupDir(target))
				return err == nil
			}, took/2, "import", target, bundle)
		}
		if wasFinished {
			finished++
		} else {
			killed++
			// The import had begun its work: it was backing up or writing.
			if _, err := os.Stat(store.BackupDir(target)); err == nil {
				midImport++
			}
		}
		got := canonFile(t, target)
		if got != before && got != after {
			t.Fatalf("round %d: the plan is neither as before nor as after the import", round)
		}
	}
	t.Logf("import takes %v after a start-up of %v; %d runs killed (%d of them after the backup began), %d finished", took, startup, killed, midImport, finished)
	if midImport < killRounds()/4 {
		t.Fatalf("only %d of %d kills landed inside the import: the test did not test what it claims", midImport, killRounds())
	}
}

func TestKillDuringExportLeavesNoPartialFile(t *testing.T) {
	if testing.Short() {
		t.Skip("kills child processes")
	}
	_, plan, _ := bigBundle(t)
	out := filepath.Join(t.TempDir(), "out.json")
	start := time.Now()
	if code, _, errs := runCmd(t, "export", plan, "--bundle", out); code != 0 {
		t.Fatal(errs)
	}
	took := time.Since(start)
	os.Remove(out)

	rng := rand.New(rand.NewSource(time.Now().UnixNano()))
	startup := childStartup(t)
	midWrite := 0
	for round := 0; round < killRounds(); round++ {
		os.Remove(out)
		var wasFinished bool
		if round%2 == 0 { // anywhere in the run
			wasFinished = runKilled(t, rng, startup, startup+took, "export", plan, "--bundle", out, "--force")
		} else { // once the temporary file exists
			wasFinished = runKilledAfter(t, rng, func() bool {
				tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".out.json.tmp-*"))
				return len(tmp) > 0
			}, took/4, "export", plan, "--bundle", out, "--force")
		}
		if !wasFinished {
			// A killed export leaves at most its hidden temporary file,
			// never a part of the bundle under its own name.
			tmp, _ := filepath.Glob(filepath.Join(filepath.Dir(out), ".out.json.tmp-*"))
			if len(tmp) > 0 {
				midWrite++
			}
			for _, f := range tmp {
				os.Remove(f)
			}
		}
		if _, err := os.Stat(out); err != nil {
			continue // absent is fine
		}
		if code, stdout, _ := runCmd(t, "validate", out); code != 0 {
			t.Fatalf("round %d: a killed export left an invalid file: %s", round, stdout)
		}
	}
	t.Logf("export takes %v after a start-up of %v; %d kills landed while the file was being written", took, startup, midWrite)
	if midWrite < killRounds()/4 {
		t.Fatalf("only %d of %d kills landed while the bundle was written: the test did not test what it claims", midWrite, killRounds())
	}
}
