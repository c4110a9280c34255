package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"stratplan/store"
)

func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestHelpListsEverySubcommand(t *testing.T) {
	code, out, _ := runCmd(t, "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, c := range commands {
		if !strings.Contains(out, "stratplan "+c.name) {
			t.Errorf("--help does not list %q", c.name)
		}
	}
	if !strings.Contains(out, "stratplan [FILE]") {
		t.Error("--help does not say how to open the window")
	}
}

func TestNewCreatesAndNeverOverwrites(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	path := filepath.Join(t.TempDir(), "wca")
	code, out, errs := runCmd(t, "new", path, "--example", "--title", "Plan stratégique 2027–2030")
	if code != 0 || !strings.Contains(out, "created") {
		t.Fatalf("exit %d: %s %s", code, out, errs)
	}
	s, err := store.Open(path+store.Ext, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	doc := s.Doc()
	if doc.PlanInfo().Title != "Plan stratégique 2027–2030" || len(doc.Workshops()) != 6 {
		t.Fatalf("title %q, %d workshops", doc.PlanInfo().Title, len(doc.Workshops()))
	}
	s.Close()

	code, _, errs = runCmd(t, "new", path+store.Ext)
	if code != 1 || !strings.Contains(errs, "already exists") {
		t.Fatalf("second new: exit %d, %q", code, errs)
	}
}

func TestWrongUsageExitsTwo(t *testing.T) {
	for _, args := range [][]string{{"new"}, {"new", "a", "b"}, {"--frobnicate"}, {"new", "x", "--nope"}} {
		if code, _, errs := runCmd(t, args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestWindowWithoutDisplaySaysWhatToDo(t *testing.T) {
	t.Setenv("DISPLAY", "")
	t.Setenv("WAYLAND_DISPLAY", "")
	code, _, errs := runCmd(t)
	if code != 1 || !strings.Contains(errs, "no display") || !strings.Contains(errs, "--help") {
		t.Fatalf("exit %d, %q", code, errs)
	}
}
