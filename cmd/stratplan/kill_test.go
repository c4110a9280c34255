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

// runKilled runs the command in a child and kills it after a random delay
// up to maxDelay; it reports whether the child finished first.
func runKilled(t *testing.T, rng *rand.Rand, maxDelay time.Duration, args ...string) bool {
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
	case <-time.After(time.Duration(rng.Int63n(int64(maxDelay)))):
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
	finished, killed := 0, 0
	for round := 0; round < killRounds(); round++ {
		target := filepath.Join(t.TempDir(), "target.stratplan")
		copyPlan(t, sec, target)
		if runKilled(t, rng, 2*took+50*time.Millisecond, "import", target, bundle) {
			finished++
		} else {
			killed++
		}
		if got := canonFile(t, target); got != before && got != after {
			t.Fatalf("round %d: the plan is neither as before nor as after the import", round)
		}
	}
	t.Logf("import takes %v; %d runs killed, %d finished", took, killed, finished)
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
	for round := 0; round < killRounds(); round++ {
		runKilled(t, rng, 2*took+50*time.Millisecond, "export", plan, "--bundle", out, "--force")
		if _, err := os.Stat(out); err != nil {
			continue // absent is fine
		}
		if code, stdout, _ := runCmd(t, "validate", out); code != 0 {
			t.Fatalf("round %d: a killed export left an invalid file: %s", round, stdout)
		}
	}
}
