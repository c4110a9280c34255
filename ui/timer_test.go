package ui

import (
	"image/color"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// fakeClock is a clock the test moves: nothing sleeps.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time { return c.t }
func (c *fakeClock) pass(d time.Duration) {
	c.t = c.t.Add(d)
}

func withClock(a *App) *fakeClock {
	c := &fakeClock{t: time.Date(2026, 9, 14, 9, 0, 0, 0, time.UTC)}
	a.cfg.Now = c.now
	return c
}

func TestTimerCountsDownWarnsAndSignals(t *testing.T) {
	a := newExampleApp(t)
	clock := withClock(a)
	beeps := 0
	a.cfg.Beep = func() { beeps++ }
	swotOf(t, a)
	tm := a.timer

	// Ctrl+T, 15, Enter: the SWOT's agenda item gets 15 minutes and starts.
	shortcutOn(a, shortcut(fyne.KeyT))
	minutes, ok := a.win.Canvas().Focused().(*entry)
	if !ok {
		t.Fatal("Ctrl+T does not ask for the minutes")
	}
	minutes.SetText("")
	test.Type(minutes, "15")
	press(minutes, fyne.KeyReturn)
	if a.dialogOpen() || tm.state("swot") != timerRunning || tm.text.Text != "SWOT 15:00" {
		t.Fatalf("after Ctrl+T 15 Enter: %s, %q", tm.state("swot"), tm.text.Text)
	}
	clock.pass(10*time.Minute + 30*time.Second)
	tm.tick()
	if tm.text.Text != "SWOT 4:30" {
		t.Fatalf("after 10.5 minutes: %q", tm.text.Text)
	}
	// Pause, then the clock runs on: the timer does not.
	test.Tap(tm.play)
	clock.pass(5 * time.Minute)
	tm.tick()
	if tm.state("swot") != timerPaused || !strings.HasPrefix(tm.text.Text, "SWOT 4:30") {
		t.Fatalf("paused: %s, %q", tm.state("swot"), tm.text.Text)
	}
	// Resume: the last minute is in the warning colour.
	test.Tap(tm.play)
	clock.pass(3*time.Minute + 40*time.Second)
	tm.tick()
	if tm.state("swot") != timerLast || tm.bg.FillColor != color.Color(timerWarnColor) || tm.text.Text != "SWOT 0:50" {
		t.Fatalf("last minute: %s, %q, %v", tm.state("swot"), tm.text.Text, tm.bg.FillColor)
	}
	// At zero: a signal, once, in the status line, with a sound.
	clock.pass(time.Minute)
	tm.tick()
	tm.tick()
	if tm.state("swot") != timerOver || beeps != 1 || !strings.Contains(a.status.Text, "Time is up for SWOT") || !strings.Contains(tm.text.Text, "time is up") {
		t.Fatalf("at zero: %s, %d beeps, status %q, timer %q", tm.state("swot"), beeps, a.status.Text, tm.text.Text)
	}
	// It flashes: the colours swap at every tick.
	first := tm.bg.FillColor
	tm.tick()
	if tm.bg.FillColor == first {
		t.Fatal("the timer does not flash at zero")
	}
	// Reset: full time again, stopped.
	tm.reset()
	if tm.state("swot") != timerIdle || tm.text.Text != "SWOT 15:00" {
		t.Fatalf("after reset: %s, %q", tm.state("swot"), tm.text.Text)
	}
}

func TestEachAgendaItemHasItsTimerShownOnEveryStep(t *testing.T) {
	a := newExampleApp(t)
	clock := withClock(a)
	swotOf(t, a)
	a.timer.set("swot", 20)
	a.timer.start()
	clock.pass(time.Minute)
	// Another step without a timer of its own shows the one that runs.
	a.showStep(5)
	if a.timer.text.Text != "SWOT 19:00" {
		t.Fatalf("on Priorities the timer reads %q", a.timer.text.Text)
	}
	// Priorities gets its own: it is the one shown there.
	a.timer.set("priorities", 30)
	if a.timer.text.Text != "Priorities 30:00" {
		t.Fatalf("Priorities' own timer reads %q", a.timer.text.Text)
	}
	a.showStep(4)
	if a.timer.text.Text != "SWOT 19:00" {
		t.Fatalf("back on SWOT the timer reads %q", a.timer.text.Text)
	}
	// Presentation mode shows the timer, large.
	a.togglePresentation()
	defer a.stopPresenting()
	v := a.present.timer
	if !v.obj.Visible() || v.text.Text != "SWOT 19:00" || v.text.TextSize < 2*theme.TextSize() {
		t.Fatalf("presentation timer: %v %q size %v", v.obj.Visible(), v.text.Text, v.text.TextSize)
	}
}
