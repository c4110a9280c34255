// Package e2e runs the real stratplan binary in a real window under Xvfb,
// drives it with the keyboard and checks what it saved.
package e2e_test

import (
	"context"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"stratplan/store"
)

func need(t *testing.T, tools ...string) {
	t.Helper()
	for _, tool := range tools {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: make test installs it", tool)
			}
			t.Skipf("%s is not installed (make test installs it)", tool)
		}
	}
}

func TestRealWindowUnderXvfb(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the real app")
	}
	need(t, "Xvfb", "xdotool", "import")
	dir := t.TempDir()
	bin := filepath.Join(dir, "stratplan")
	build := exec.Command("go", "build", "-tags", "migrated_fynedo", "-o", bin, "stratplan/cmd/stratplan")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	env := append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_DATA_HOME="+filepath.Join(dir, "data"), "LANG=en_US.UTF-8")
	plan := filepath.Join(dir, "example"+store.Ext)
	mk := exec.Command(bin, "new", plan, "--example")
	mk.Env = env
	if out, err := mk.CombinedOutput(); err != nil {
		t.Fatalf("new: %v\n%s", err, out)
	}

	display := startXvfb(t)
	env = append(env, "DISPLAY="+display)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	app := exec.CommandContext(ctx, bin, plan)
	app.Env = env
	var logs strings.Builder
	app.Stdout, app.Stderr = &logs, &logs
	if err := app.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- app.Wait() }()
	defer app.Process.Kill()

	x := func(args ...string) string {
		t.Helper()
		cmd := exec.CommandContext(ctx, "xdotool", args...)
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("xdotool %v: %v\n%s\napp said:\n%s", args, err, out, logs.String())
		}
		return strings.TrimSpace(string(out))
	}
	win := strings.Fields(x("search", "--sync", "--onlyvisible", "--name", "^stratplan"))[0]
	x("windowfocus", "--sync", win)
	time.Sleep(1500 * time.Millisecond) // first frame

	x("key", "ctrl+5")
	time.Sleep(500 * time.Millisecond)
	x("type", "--delay", "20", "Typed in a real window")
	x("key", "Return")
	time.Sleep(800 * time.Millisecond)

	shot := filepath.Join(dir, "swot.png")
	if out := os.Getenv("STRATPLAN_SCREENSHOTS"); out != "" {
		shot = filepath.Join(out, "swot.png")
	}
	imp := exec.CommandContext(ctx, "import", "-window", "root", shot)
	imp.Env = env
	if out, err := imp.CombinedOutput(); err != nil {
		t.Fatalf("screenshot: %v\n%s", err, out)
	}
	checkNotBlank(t, shot)

	// A command on the plan the window has open is told so (after the
	// store's one-second wait), instead of hanging.
	exp := exec.CommandContext(ctx, bin, "export", plan, "--bundle", filepath.Join(dir, "out.json"))
	exp.Env = env
	out, err := exp.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "open in another stratplan window or command") {
		t.Fatalf("export while the window has the plan open: %v\n%s", err, out)
	}

	x("key", "ctrl+q")
	select {
	case <-exited:
	case <-time.After(15 * time.Second):
		t.Fatalf("Ctrl+Q did not quit the app\n%s", logs.String())
	}
	if strings.Contains(logs.String(), "panic") || strings.Contains(logs.String(), "DATA RACE") {
		t.Fatalf("the app reported:\n%s", logs.String())
	}

	s, err := store.Open(plan, &store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	found := false
	for _, it := range s.Doc().SWOT("ws-wca-abidjan") {
		found = found || it.Text == "Typed in a real window" && it.Quadrant == "strength"
	}
	if !found {
		t.Fatalf("the strength typed in the window was not saved\napp said:\n%s", logs.String())
	}
}

// checkNotBlank fails when the screenshot is one flat colour, as a GL
// window that did not draw would be.
func checkNotBlank(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	colours := map[[3]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 4 {
		for x := b.Min.X; x < b.Max.X; x += 4 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	if len(colours) < 50 {
		t.Fatalf("the screenshot has %d colours: the window did not draw", len(colours))
	}
}
