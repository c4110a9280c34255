package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"stratplan"
)

// Titles and labels read from a bundle reach the terminal as text: no
// escape sequence that clears it or sets its title, no newline that fakes
// a line of output.
func TestATitleFromABundleCannotCommandTheTerminal(t *testing.T) {
	sec, _ := twoCopies(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "other.stratplan")
	evil := "\x1b[2J\x1b]0;owned\x07Plan\nimported 3 bundles: the plan is unchanged"
	if code, _, errs := runCmd(t, "new", other, "--title", evil); code != 0 {
		t.Fatal(errs)
	}
	in := filepath.Join(dir, "other.json")
	runCmd(t, "export", other, "--bundle", in)
	for _, args := range [][]string{{"import", sec, in}, {"validate", in}} {
		var out, errb bytes.Buffer
		run(args, terminal{&out}, terminal{&errb})
		all := out.String() + errb.String()
		if strings.ContainsAny(all, "\x1b\x07") || strings.Contains(all, "\nimported 3") {
			t.Fatalf("%s printed the title raw: %q", args[0], all)
		}
		if !strings.Contains(all, `\u001b[2J`) && !strings.Contains(all, `\x1b[2J`) {
			t.Fatalf("%s does not show the title's escape as text: %q", args[0], all)
		}
	}
}

// An export never replaces a plan file, not even with --force: the plan
// itself, or another one.
func TestAnExportNeverReplacesAPlanFile(t *testing.T) {
	sec, eur := twoCopies(t)
	before, _ := os.ReadFile(eur)
	for _, args := range [][]string{
		{"export", sec, "--pdf", sec, "--force"},
		{"export", sec, "--bundle", sec, "--force"},
		{"export", sec, "--xlsx", eur, "--force"},
	} {
		code, _, errs := runCmd(t, args...)
		if code != 1 || !strings.Contains(errs, "is a plan file") {
			t.Fatalf("%v: exit %d, %s", args, code, errs)
		}
	}
	if code, _, errs := runCmd(t, "status", sec); code != 0 {
		t.Fatalf("the plan no longer opens: %s", errs)
	}
	if after, _ := os.ReadFile(eur); !bytes.Equal(before, after) {
		t.Fatal("another plan file was changed")
	}
}

// An emoji in a participant's text gives a report with a marker and a
// warning, never a crash, and no half-written file.
func TestAnEmojiNeverStopsTheReport(t *testing.T) {
	sec, _ := twoCopies(t)
	editPlan(t, sec, setText("swot-aa", "Launch party 😀 with 😊 faces"))
	dir := t.TempDir()
	out := filepath.Join(dir, "r.pdf")
	code, stdout, errs := runCmd(t, "export", sec, "--pdf", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(stdout+errs, "😀") || !strings.Contains(stdout+errs, "printed as □") {
		t.Fatalf("no warning names the emoji: %s %s", stdout, errs)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("the folder holds %d files", len(entries))
	}

	// Emoji in a hundred items: twenty warnings and a count of the rest,
	// not a hundred lines.
	editPlan(t, sec, func(ed *stratplan.Edit) error {
		for i := range 100 {
			if err := ed.Set(fmt.Sprintf("swot-emoji-%d", i), stratplan.KindSWOT, stratplan.Set("text", stratplan.Text(fmt.Sprintf("Item %d 😀", i))),
				stratplan.Set("quadrant", stratplan.Text("strength")), stratplan.Set(stratplan.FieldWorkshop, stratplan.Text("ws-wca-abidjan"))); err != nil {
				return err
			}
		}
		return nil
	})
	code, stdout, errs = runCmd(t, "export", sec, "--pdf", out, "--force", "--workshop", "ws-wca-abidjan")
	if n := strings.Count(stdout, "warning: "); code != 0 || n != 20 || !strings.Contains(stdout, "and 81 more warnings") {
		t.Fatalf("%d warnings printed (exit %d): %.500s %s", n, code, stdout, errs)
	}
}

// restore replaces a damaged plan only with a whole plan file of the same
// plan, and never loses an earlier damaged copy.
func TestRestoreTakesOnlyAPlanOfTheSamePlan(t *testing.T) {
	sec, _ := twoCopies(t)
	dir := t.TempDir()
	other := filepath.Join(dir, "other.stratplan")
	runCmd(t, "new", other, "--title", "Someone else's plan")
	data, _ := os.ReadFile(sec)
	copy(data[:8192], make([]byte, 8192)) // both of bbolt's meta pages
	os.WriteFile(sec, data, 0o600)
	damaged, _ := os.ReadFile(sec)
	junk := filepath.Join(dir, "junk.txt")
	os.WriteFile(junk, []byte("root:x:0:0\n"), 0o600)
	half := filepath.Join(dir, "half.stratplan")
	whole, _ := os.ReadFile(other)
	os.WriteFile(half, whole[:len(whole)/2], 0o600)
	for _, backup := range []string{junk, half} {
		code, _, errs := runCmd(t, "restore", sec, backup)
		if code != 1 || !strings.Contains(errs, "not a stratplan plan file") {
			t.Fatalf("restore from %s: exit %d, %s", filepath.Base(backup), code, errs)
		}
	}
	if now, _ := os.ReadFile(sec); !bytes.Equal(now, damaged) {
		t.Fatal("a refused restore changed the damaged file")
	}
	// Another plan's file: refused when the damaged file still names its
	// plan, or its backups do; here both meta pages are gone and it has no
	// backup, so it cannot tell, and takes it, keeping the damaged file
	// aside. A second restore keeps both copies.
	for range 2 {
		if code, _, errs := runCmd(t, "restore", sec, other); code != 0 {
			t.Fatalf("restore: %s", errs)
		}
		data, _ := os.ReadFile(sec)
		copy(data[:8192], make([]byte, 8192))
		os.WriteFile(sec, data, 0o600)
	}
	aside, _ := filepath.Glob(sec + ".damaged-*")
	if len(aside) != 2 {
		t.Fatalf("%d damaged copies kept, want 2: %v", len(aside), aside)
	}
}

// A plan file cut in half is damaged, not a crash, whatever the command.
// A damaged plan that no longer tells which plan it was is known by its
// backups: another plan's file does not replace it.
func TestRestoreKnowsTheDamagedPlanByItsBackups(t *testing.T) {
	sec, eur := twoCopies(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "in.json")
	runCmd(t, "export", eur, "--bundle", in)
	editPlan(t, eur, setText("swot-aa", "new"))
	runCmd(t, "export", eur, "--bundle", in, "--force")
	if code, _, errs := runCmd(t, "import", sec, in); code != 0 { // backs up first
		t.Fatal(errs)
	}
	other := filepath.Join(dir, "other.stratplan")
	runCmd(t, "new", other, "--title", "Someone else's plan")
	os.WriteFile(sec, nil, 0o600)
	code, _, errs := runCmd(t, "restore", sec, other)
	if code != 1 || !strings.Contains(errs, "another plan") {
		t.Fatalf("restore from another plan's file: exit %d, %s", code, errs)
	}
	if code, _, errs := runCmd(t, "restore", sec); code != 0 {
		t.Fatalf("restore from its own backup: %s", errs)
	}
}

func TestAHalfPlanIsDamagedForEveryCommand(t *testing.T) {
	sec, _ := twoCopies(t)
	data, _ := os.ReadFile(sec)
	os.WriteFile(sec, data[:len(data)/2], 0o600)
	in := filepath.Join(t.TempDir(), "x.json")
	for _, args := range [][]string{{"status", sec}, {"export", sec, "--bundle", in}, {"import", sec, in}} {
		code, _, errs := runCmd(t, args...)
		if code != 1 || !strings.Contains(errs, "damaged") || strings.Contains(errs, "panic") {
			t.Fatalf("%v: exit %d, %s", args, code, errs)
		}
	}
}

// A key file is read a few kilobytes at most, whatever it is.
func TestAKeyFileOfAnySizeIsReadInPart(t *testing.T) {
	sec, _ := twoCopies(t)
	code, _, errs := runCmd(t, "keys", "trust", sec, "/dev/zero", "--label", "zero")
	if code != 1 || !strings.Contains(errs, "/dev/zero") {
		t.Fatalf("trusting /dev/zero: exit %d, %s", code, errs)
	}
}

// What the terminal writer escapes stays valid inside a JSON string, so
// status --json is JSON whatever a title holds (DEL, C1 controls, bidi).
func TestTheTerminalKeepsJSONValid(t *testing.T) {
	var out bytes.Buffer
	in := "{\"name\": \"Rulings\x7f issued \u0085 \u202e\"}\n"
	terminal{&out}.Write([]byte(in))
	if !json.Valid(out.Bytes()) || bytes.ContainsAny(out.Bytes(), "\x7f") {
		t.Fatalf("the JSON written is %q", out.String())
	}
}

// A named pipe given as a bundle is refused at once, instead of waiting
// for ever with the plan locked.
func TestAPipeIsNotABundle(t *testing.T) {
	sec, _ := twoCopies(t)
	fifo := filepath.Join(t.TempDir(), "in.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	for _, args := range [][]string{{"validate", fifo}, {"import", sec, fifo}, {"merge", "-o", fifo + ".out", fifo}} {
		code, out, errs := runCmd(t, args...)
		if code != 1 || !strings.Contains(out+errs, "this is a pipe") {
			t.Fatalf("%v: exit %d, %s %s", args, code, out, errs)
		}
	}
}

// A plan title as long as a page is cut to a line where commands name the
// plan.
func TestCommandsNameAPlanInALine(t *testing.T) {
	_, eur := twoCopies(t)
	long := strings.Repeat("Strategic plan ", 200)
	editPlan(t, eur, func(ed *stratplan.Edit) error {
		return ed.Set(ed.Doc().Plan(), stratplan.KindPlan, stratplan.Set("title", stratplan.Text(long)))
	})
	dir := t.TempDir()
	bundle := filepath.Join(dir, "long.json")
	runCmd(t, "export", eur, "--bundle", bundle)
	for _, args := range [][]string{{"validate", bundle}, {"new", filepath.Join(dir, "started.stratplan"), "--from", bundle}} {
		code, stdout, errs := runCmd(t, args...)
		if code != 0 {
			t.Fatalf("%s: %d %s", args[0], code, errs)
		}
		if strings.Contains(stdout, long[:200]) || !strings.Contains(stdout, "Strategic plan Strategic plan") || !strings.Contains(stdout, "…") {
			t.Errorf("%s prints the plan's title whole or not at all: %d characters\n%.300s", args[0], len(stdout), stdout)
		}
	}
}
