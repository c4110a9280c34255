package e2e_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"stratplan"
	"stratplan/store"
)

// startScreen starts a virtual display of the given size (e.g.
// "1366x768x24") on a free number and returns it.
func startScreen(t *testing.T, size string) string {
	t.Helper()
	for n := 141; n < 190; n++ {
		if _, err := os.Stat(fmt.Sprintf("/tmp/.X%d-lock", n)); err == nil {
			continue
		}
		display := fmt.Sprintf(":%d", n)
		cmd := exec.Command("Xvfb", display, "-screen", "0", size, "-nolisten", "tcp")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		for range 50 {
			if _, err := os.Stat(fmt.Sprintf("/tmp/.X11-unix/X%d", n)); err == nil {
				return display
			}
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("Xvfb did not start on %s", display)
	}
	t.Fatal("no free display number")
	return ""
}

// roomPlan is a plan for a workshop of 40 participants and 8 candidate
// priorities, with an empty SWOT.
func roomPlan(t *testing.T, path string) {
	t.Helper()
	err := store.Create(path, nil, func(ed *stratplan.Edit) error {
		plan := ed.Doc().Plan()
		if err := ed.Set(plan, stratplan.KindPlan, stratplan.Set("title", stratplan.Text("Room test"))); err != nil {
			return err
		}
		if err := ed.Set("ws-room", stratplan.KindWorkshop, stratplan.Set("title", stratplan.Text("Workshop in the room")), stratplan.Set("date", stratplan.Text("2026-09-14"))); err != nil {
			return err
		}
		for i := range 40 {
			if err := ed.Set(fmt.Sprintf("p%02d", i), stratplan.KindParticipant, stratplan.Set("name", stratplan.Text(fmt.Sprintf("Participant %02d", i+1))),
				stratplan.Set(stratplan.FieldWorkshop, stratplan.Text("ws-room"))); err != nil {
				return err
			}
		}
		for i := range 8 {
			if err := ed.Set(fmt.Sprintf("prio%d", i), stratplan.KindPriority, stratplan.Set("title", stratplan.Text(fmt.Sprintf("Priority %d", i+1))),
				stratplan.Set(stratplan.FieldWorkshop, stratplan.Text("ws-room"))); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// keys counts the keystrokes a script sends: each key or chord, and each
// character typed.
type keys struct {
	t     *testing.T
	x     func(args ...string) string
	count int
}

func (k *keys) press(names ...string) {
	k.t.Helper()
	k.x(append([]string{"key", "--delay", "15"}, names...)...)
	k.count += len(names)
}

func (k *keys) typeText(s string) {
	k.t.Helper()
	k.x("type", "--delay", "15", s)
	k.count += len([]rune(s))
}

// TestTheRoomByKeyboardOnly runs the real window at 1366×768 and enters a
// SWOT of 30 items and the votes of 40 participants with 5 dots each,
// by keyboard only. It reports the keystrokes each took, beyond the text
// typed.
func TestTheRoomByKeyboardOnly(t *testing.T) {
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
	config := filepath.Join(dir, "config")
	t.Setenv("XDG_CONFIG_HOME", config)
	plan := filepath.Join(dir, "room"+store.Ext)
	roomPlan(t, plan)

	display := startScreen(t, "1366x768x24")
	env := append(os.Environ(), "XDG_CONFIG_HOME="+config, "XDG_DATA_HOME="+filepath.Join(dir, "data"), "LANG=en_US.UTF-8", "LANGUAGE=en", "DISPLAY="+display)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
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
	// shot takes a screenshot once the window has settled. The window
	// works through a burst of keys before it draws again, so a screen
	// that stays the same may still be behind: shot waits for the screen
	// to change from how it was when the keys were sent (up to a minute),
	// then for it to stay the same.
	grab := func(path string) []byte {
		imp := exec.CommandContext(ctx, "import", "-window", "root", path)
		imp.Env = env
		if out, err := imp.CombinedOutput(); err != nil {
			t.Fatalf("screenshot: %v\n%s", err, out)
		}
		data, _ := os.ReadFile(path)
		return data
	}
	shot := func(name string) {
		t.Helper()
		path := filepath.Join(dir, name+".png")
		sent := grab(path)
		last := sent
		for range 60 {
			time.Sleep(time.Second)
			data := grab(path)
			if bytes.Equal(data, last) && !bytes.Equal(data, sent) {
				break
			}
			last = data
		}
		checkNotBlank(t, path)
	}
	win := strings.Fields(x("search", "--sync", "--name", "^stratplan"))[0]
	x("windowfocus", "--sync", win)
	time.Sleep(1500 * time.Millisecond) // first frame
	if g := x("getwindowgeometry", win); !strings.Contains(g, "Geometry: 1366x") {
		t.Errorf("on a 1366×768 screen the window is %s", g)
	}

	// The SWOT: 8 strengths, 8 weaknesses, 7 opportunities, 7 threats,
	// each typed and Enter; Tab Tab goes on to the next quadrant.
	k := &keys{t: t, x: x}
	k.press("ctrl+5")
	typed := 0
	for q, n := range []int{8, 8, 7, 7} {
		if q > 0 {
			k.press("Tab", "Tab")
		}
		for i := range n {
			text := fmt.Sprintf("%s item %d", stratplan.SWOTQuadrants[q], i+1)
			k.typeText(text)
			typed += len([]rune(text))
			k.press("Return")
		}
	}
	swotKeys := k.count - typed - 1 // the step's own shortcut aside
	shot("swot")

	// The vote: Alt+↓ for the next participant, then ↓ or ↑ to a priority
	// and + for a dot, five times.
	k.count = 0
	k.press("ctrl+6")
	k.press("Tab", "Tab", "Tab") // from the quick-add entry to the table
	moves := []string{"", "Down", "Down", "Up", "", "Down", "Up", "Up"}
	for p := range 40 {
		k.press("alt+Down")
		for d := range 5 {
			if m := moves[(p*5+d)%len(moves)]; m != "" {
				k.press(m)
			}
			k.typeText("+")
		}
	}
	voteKeys := k.count - 4 // Ctrl+6 and the three Tabs, once
	shot("vote")

	// F1 and Escape from a field that saves when left (the workshop's
	// title, where Ctrl+1 puts the keyboard): the shortcuts open over the
	// step, and close.
	// Screens are compared by how many pixels differ: the title field's
	// cursor blinks, a dialog covers tens of thousands.
	pixelsApart := func(a, b string) int {
		cmd := exec.CommandContext(ctx, "compare", "-metric", "AE", filepath.Join(dir, a+".png"), filepath.Join(dir, b+".png"), "null:")
		out, _ := cmd.CombinedOutput() // exit 1 when they differ
		n, err := strconv.ParseFloat(strings.Fields(string(out) + " x")[0], 64)
		if err != nil {
			t.Fatalf("compare %s %s: %s", a, b, out)
		}
		return int(n)
	}
	k.press("ctrl+1")
	shot("workshop")
	k.press("F1")
	shot("help")
	if n := pixelsApart("workshop", "help"); n < 5000 {
		t.Errorf("F1 in the workshop's title field does not open the list of shortcuts (%d pixels changed)", n)
	}
	k.press("Escape")
	shot("help-closed")
	if n := pixelsApart("workshop", "help-closed"); n > 1000 {
		t.Errorf("Escape in the list of shortcuts does not close it (%d pixels differ from before F1)", n)
	}
	k.press("ctrl+q") // after every key above: X delivers them in order
	select {
	case <-exited:
	case <-time.After(30 * time.Second):
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
	doc := s.Doc()
	counts := doc.QuadrantCounts("ws-room")
	if counts["strength"] != 8 || counts["weakness"] != 8 || counts["opportunity"] != 7 || counts["threat"] != 7 {
		t.Fatalf("the SWOT saved is %v, want 8, 8, 7, 7", counts)
	}
	given := map[string]int{}
	total := 0
	for _, v := range doc.Votes("ws-room") {
		given[v.Voter] += v.Points
		total += v.Points
	}
	if len(given) != 40 || total != 200 {
		t.Fatalf("%d voters gave %d dots, want 40 and 200", len(given), total)
	}
	for voter, n := range given {
		if n != 5 {
			t.Errorf("%s gave %d dots", voter, n)
		}
	}
	t.Logf("SWOT: 30 items with %d keystrokes beyond their text: %.2f per item", swotKeys, float64(swotKeys)/30)
	t.Logf("vote: 40 participants × 5 dots with %d keystrokes: %.2f per dot, %.1f per participant", voteKeys, float64(voteKeys)/200, float64(voteKeys)/40)
	if out := os.Getenv("STRATPLAN_SCREENSHOTS"); out != "" {
		for _, n := range []string{"swot", "vote"} {
			data, _ := os.ReadFile(filepath.Join(dir, n+".png"))
			os.WriteFile(filepath.Join(out, "room-"+n+".png"), data, 0o644)
		}
	}
}
