package ui

import (
	"fmt"
	"image/color"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// countdown is the time given to one agenda item (one step of the
// workshop): set, started, paused and reset by the facilitator.
type countdown struct {
	total   time.Duration // the time given
	spent   time.Duration // counted before the last start
	started time.Time     // when it was last started, if running
	running bool
}

// left is the time left at now; negative once it is over.
func (c *countdown) left(now time.Time) time.Duration {
	spent := c.spent
	if c.running {
		spent += now.Sub(c.started)
	}
	return c.total - spent
}

func (c *countdown) start(now time.Time) {
	if !c.running && c.total > 0 {
		c.running, c.started = true, now
	}
}

func (c *countdown) pause(now time.Time) {
	if c.running {
		c.spent += now.Sub(c.started)
		c.running = false
	}
}

func (c *countdown) reset() { c.spent, c.running = 0, false }

// Timer states, as shown.
const (
	timerIdle    = "idle"    // not set, or reset and not started
	timerRunning = "running" // counting down, more than a minute left
	timerLast    = "last"    // the last minute: warning colour
	timerOver    = "over"    // time is up: the signal
	timerPaused  = "paused"
)

// warnAt is when the timer turns to its warning colour.
const warnAt = time.Minute

// The timer's colours: amber with black text in the last minute, deep
// orange-red with white text at zero (and its text says so).
var (
	timerWarnColor = color.NRGBA{0xf0, 0xb4, 0x00, 0xff}
	timerOverColor = color.NRGBA{0xc4, 0x3a, 0x00, 0xff}
)

// timer keeps a countdown per agenda item (per step) and shows the one of
// the step on screen, or failing that the one running, on every step and
// in presentation mode. Its clock is the app's (Config.Now), and it is
// redrawn by tick: the app ticks it every half second while one runs, and
// tests tick it themselves after moving their clock, without sleeping.
type timer struct {
	a      *App
	items  map[string]*countdown // by step key
	shown  string                // the step key shown
	beeped map[string]bool       // the end was signalled
	flash  bool

	text   *canvas.Text
	bg     *canvas.Rectangle
	play   *tapIcon
	ticker *time.Ticker
	views  []*timerView // presentation copies
}

// timerView is a large copy of the timer, for presentation mode.
type timerView struct {
	text *canvas.Text
	bg   *canvas.Rectangle
	obj  fyne.CanvasObject
}

func newTimer(a *App) *timer {
	t := &timer{a: a, items: map[string]*countdown{}, beeped: map[string]bool{}}
	t.text = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	t.text.TextStyle = fyne.TextStyle{Monospace: true}
	t.bg = canvas.NewRectangle(color.Transparent)
	t.bg.CornerRadius = 4
	t.play = newTapIcon(theme.MediaPlayIcon(), t.toggle)
	return t
}

// object is the timer of the window's header: the time left (tap it to
// set the minutes), start or pause, reset.
func (t *timer) object() fyne.CanvasObject {
	label := newTapArea(container.NewStack(t.bg, container.NewPadded(t.text)), t.dialog)
	reset := newTapIcon(theme.MediaReplayIcon(), t.reset)
	t.refresh()
	return container.NewHBox(newTapIcon(theme.HistoryIcon(), t.dialog), label, t.play, reset)
}

// bigView is a copy of the timer for the room to read.
func (t *timer) bigView() *timerView {
	v := &timerView{text: canvas.NewText("", color.White), bg: canvas.NewRectangle(color.Transparent)}
	v.text.TextStyle = fyne.TextStyle{Monospace: true}
	v.bg.CornerRadius = 6
	v.obj = container.NewStack(v.bg, container.NewPadded(v.text))
	t.views = append(t.views, v)
	t.refresh()
	return v
}

func (t *timer) now() time.Time { return t.a.now() }

// current is the step key of the countdown shown: the step on screen if it
// has one, else one that runs.
func (t *timer) current() string {
	key := ""
	if t.a.current < len(pages) {
		key = pages[t.a.current].key
	}
	if c, ok := t.items[key]; ok && c.total > 0 {
		return key
	}
	for k, c := range t.items {
		if c.running {
			return k
		}
	}
	return key
}

func (t *timer) item(key string) *countdown {
	c := t.items[key]
	if c == nil {
		c = &countdown{}
		t.items[key] = c
	}
	return c
}

// state is what the timer shows for the step key.
func (t *timer) state(key string) string {
	c := t.items[key]
	switch {
	case c == nil || c.total == 0:
		return timerIdle
	case c.left(t.now()) <= 0:
		return timerOver
	case !c.running && c.spent == 0:
		return timerIdle
	case !c.running:
		return timerPaused
	case c.left(t.now()) <= warnAt:
		return timerLast
	}
	return timerRunning
}

// set gives the step key's agenda item minutes, from the start.
func (t *timer) set(key string, minutes float64) {
	c := t.item(key)
	c.total = time.Duration(minutes * float64(time.Minute))
	c.reset()
	delete(t.beeped, key)
	t.refresh()
}

// start starts or resumes the countdown shown.
func (t *timer) start() {
	key := t.current()
	c := t.item(key)
	if c.total == 0 {
		t.dialog()
		return
	}
	if c.left(t.now()) <= 0 {
		c.reset()
		delete(t.beeped, key)
	}
	c.start(t.now())
	t.run()
	t.refresh()
}

// pause pauses the countdown shown.
func (t *timer) pause() {
	t.item(t.current()).pause(t.now())
	t.refresh()
}

// toggle starts the countdown shown, or pauses it.
func (t *timer) toggle() {
	if c := t.items[t.current()]; c != nil && c.running && c.left(t.now()) > 0 {
		t.pause()
		return
	}
	t.start()
}

// reset puts the countdown shown back to its full time, stopped.
func (t *timer) reset() {
	key := t.current()
	t.item(key).reset()
	delete(t.beeped, key)
	t.refresh()
}

// run makes sure the app ticks the timer while a countdown runs (not in
// tests, which tick it themselves).
func (t *timer) run() {
	if t.ticker != nil || t.a.cfg.Now != nil {
		return
	}
	t.ticker = time.NewTicker(500 * time.Millisecond)
	tick := t.ticker.C
	go func() {
		for range tick {
			fyne.Do(t.tick)
		}
	}()
}

// tick redraws the timer; at zero it signals, once.
func (t *timer) tick() {
	running := false
	for key, c := range t.items {
		if !c.running {
			continue
		}
		running = true
		if c.left(t.now()) <= 0 && !t.beeped[key] {
			t.beeped[key] = true
			t.signal(key)
		}
	}
	t.flash = !t.flash
	t.refresh()
	if !running && t.ticker != nil {
		t.ticker.Stop()
		t.ticker = nil
	}
}

// signal says that an agenda item's time is up: in the status line, with
// the timer flashing, and with a sound where the platform has one.
func (t *timer) signal(key string) {
	t.a.setStatus(lang.L("Time is up for {{.Step}}.", map[string]any{"Step": stepTitle(key)}))
	if t.a.cfg.Beep != nil {
		t.a.cfg.Beep()
	}
}

func stepTitle(key string) string {
	for _, p := range pages {
		if p.key == key {
			return p.title()
		}
	}
	return key
}

// text is what the timer reads for the step key: "SWOT 12:34", "Time is
// up", or a hint to set it.
func (t *timer) label(key string) string {
	c := t.items[key]
	if c == nil || c.total == 0 {
		return lang.L("Timer")
	}
	left := c.left(t.now())
	name := stepTitle(key)
	if left <= 0 {
		return name + " " + lang.L("time is up")
	}
	text := name + " " + clock(left)
	if !c.running && c.spent > 0 {
		text += " ‖"
	}
	return text
}

// clock writes a duration as m:ss, rounding up so that 0:00 means over.
func clock(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// refresh redraws the timer and its copies.
func (t *timer) refresh() {
	key := t.current()
	t.shown = key
	state := t.state(key)
	fg, bg := themeColor(theme.ColorNameForeground), color.Color(color.Transparent)
	switch state {
	case timerLast:
		fg, bg = color.Black, timerWarnColor
	case timerOver:
		fg, bg = color.White, timerOverColor
		if t.flash {
			fg, bg = timerOverColor, color.Transparent
		}
	}
	t.text.Text, t.text.Color = t.label(key), fg
	t.text.TextSize = theme.TextSize()
	t.text.Refresh()
	t.bg.FillColor = bg
	t.bg.Refresh()
	if c := t.items[key]; c != nil && c.running && state != timerOver {
		t.play.SetResource(theme.MediaPauseIcon())
	} else {
		t.play.SetResource(theme.MediaPlayIcon())
	}
	for _, v := range t.views {
		v.text.Text = t.label(key)
		v.text.TextSize = theme.TextSize() * 2.2
		v.text.Color, v.bg.FillColor = themeColor(theme.ColorNameForeground), color.Transparent
		if state == timerLast || state == timerOver {
			v.text.Color, v.bg.FillColor = fg, bg
		}
		showIf(v.obj, state != timerIdle)
		v.text.Refresh()
		v.bg.Refresh()
	}
}

// dialog sets the minutes of the step's agenda item and starts, pauses or
// resets it: Ctrl+T, type the minutes, Enter starts.
func (t *timer) dialog() {
	if t.a.plan == nil {
		return
	}
	key := pages[t.a.current].key
	c := t.item(key)
	minutes := newEntry("10")
	if c.total > 0 {
		minutes.SetText(num(c.total.Minutes()))
	}
	minutes.Validator = func(s string) error {
		if _, err := parseMinutes(s); err != nil {
			return err
		}
		return nil
	}
	about := widget.NewLabel(lang.L("Time for this agenda item ({{.Step}}). The timer shows on every step and in presentation mode; its last minute is in amber, and at zero it flashes.", map[string]any{"Step": stepTitle(key)}))
	about.Wrapping = fyne.TextWrapWord
	var m *modal
	startNow := func() {
		n, err := parseMinutes(minutes.Text)
		if err != nil {
			return
		}
		if time.Duration(n*float64(time.Minute)) != c.total || c.left(t.now()) <= 0 {
			t.set(key, n)
		}
		if cc := t.items[key]; cc.running {
			t.pause()
		} else {
			t.start()
		}
		m.confirm()
	}
	minutes.OnSubmitted = func(string) { startNow() }
	startLabel := lang.X("timer.start", "Start")
	if c.running {
		startLabel = lang.L("Pause")
	}
	form := widget.NewForm(widget.NewFormItem(lang.L("Minutes"), minutes))
	form.Items[0].HintText = lang.L("e.g. 15, or 2.5")
	m = t.a.newModal(lang.L("Timer"), container.NewVBox(about, form))
	start := newButton(startLabel, theme.MediaPlayIcon(), startNow)
	start.Importance = widget.HighImportance
	m.setButtons(newButton(lang.L("Close"), nil, m.dismiss), newButton(lang.L("Reset"), theme.MediaReplayIcon(), func() {
		t.reset()
		m.confirm()
	}), start)
	m.show(fyne.NewSize(480, 0))
	t.a.win.Canvas().Focus(minutes)
}

// parseMinutes reads minutes as people type them: 15, 2.5 or 2,5.
func parseMinutes(s string) (float64, error) {
	f, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(s), ",", ".", 1), 64)
	if err != nil || f <= 0 || f > 600 {
		return 0, fmt.Errorf("%s", lang.L("a number of minutes up to 600, e.g. 15 or 2.5"))
	}
	return f, nil
}

// tapArea makes any object tappable.
type tapArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	OnTap   func()
}

func newTapArea(content fyne.CanvasObject, onTap func()) *tapArea {
	t := &tapArea{content: content, OnTap: onTap}
	t.ExtendBaseWidget(t)
	return t
}

// Tapped runs OnTap.
func (t *tapArea) Tapped(*fyne.PointEvent) {
	if t.OnTap != nil {
		t.OnTap()
	}
}

// CreateRenderer shows the content.
func (t *tapArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(t.content) }
