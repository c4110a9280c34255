package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// presentable is a step that has a view for the room: its content read
// from the back of a room, without editing chrome. present builds it from
// the plan as it stands.
type presentable interface {
	present() fyne.CanvasObject
}

// presenter is presentation mode: the step on screen, full screen and in
// large type, with the timer. It shows in the window itself (F11; Escape
// leaves), or in a window of its own for the projector while the laptop
// keeps the editing view (View ▸ Projector window).
type presenter struct {
	a        *App
	separate bool
	win      fyne.Window
	title    *canvas.Text
	sub      *canvas.Text
	hint     *canvas.Text
	body     *fyne.Container
	timer    *timerView
	obj      fyne.CanvasObject
	textSize float32 // the size of body text, set as the window is laid out
}

// presentScale is how much larger type is in presentation mode than in
// the window at 1366×768; it grows with the screen.
const presentScale = 1.6

func (a *App) newPresenter(win fyne.Window, separate bool) *presenter {
	p := &presenter{a: a, win: win, separate: separate}
	p.title = canvas.NewText("", color.Black)
	p.title.TextStyle = fyne.TextStyle{Bold: true}
	p.sub = canvas.NewText("", color.Black)
	p.hint = canvas.NewText("", color.Black)
	p.timer = a.timer.bigView()
	p.body = container.NewStack()
	bg := canvas.NewRectangle(color.Black)
	head := container.NewBorder(nil, nil, nil, p.timer.obj, container.NewVBox(p.title, p.sub))
	p.obj = container.New(&presentLayout{p: p}, bg, head, p.body, p.hint)
	return p
}

// togglePresentation starts or ends presentation mode in the window.
func (a *App) togglePresentation() {
	if a.present != nil {
		a.stopPresenting()
		return
	}
	if a.plan == nil {
		return
	}
	a.commitTyping()
	a.win.Canvas().Unfocus()
	a.present = a.newPresenter(a.win, false)
	a.win.SetMainMenu(nil) // no chrome: the shortcuts stay on the canvas
	a.win.SetContent(a.present.obj)
	a.win.SetFullScreen(true)
	a.present.refresh()
}

// openProjectorWindow shows presentation mode in a window of its own: drag
// it to the projector and press F11 there; the laptop keeps editing, and
// the projector follows.
func (a *App) openProjectorWindow() {
	if a.present != nil {
		if a.present.separate {
			a.present.win.RequestFocus()
			return
		}
		a.stopPresenting()
	}
	w := a.fy.NewWindow(lang.L("stratplan — projector"))
	apps.Store(w.Canvas(), a)
	p := a.newPresenter(w, true)
	a.present = p
	w.SetContent(p.obj)
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyF11:
			w.SetFullScreen(!w.FullScreen())
		case fyne.KeyEscape:
			w.SetFullScreen(false)
		case fyne.KeyPageDown, fyne.KeyRight, fyne.KeySpace:
			a.showStep(min(a.current+1, len(steps)-1))
		case fyne.KeyPageUp, fyne.KeyLeft:
			a.showStep(max(a.current-1, 0))
		}
	})
	w.SetOnClosed(func() {
		if a.present == p {
			a.present = nil
			a.timer.views = nil
		}
	})
	w.Resize(fyne.NewSize(1024, 640))
	p.refresh()
	w.Show()
}

// stopPresenting leaves presentation mode.
func (a *App) stopPresenting() {
	p := a.present
	if p == nil {
		return
	}
	a.present = nil
	a.timer.views = nil
	if p.separate {
		p.win.Close()
		return
	}
	a.win.SetFullScreen(false)
	a.win.SetMainMenu(a.menu)
	a.win.SetContent(a.shellObj)
	if v := a.views[a.current]; v != nil {
		v.refresh()
		v.focus()
	}
}

// refresh shows the step on screen as it stands.
func (p *presenter) refresh() {
	a := p.a
	if a.plan == nil {
		return
	}
	fg, dim := themeColor(theme.ColorNameForeground), themeColor(theme.ColorNamePlaceHolder)
	page := pages[a.current]
	p.title.Text, p.title.Color = page.title(), fg
	p.sub.Text, p.sub.Color = "", dim
	if a.workshop != "" || a.severalWorkshops() {
		p.sub.Text = a.scopeLabel()
	}
	p.hint.Text, p.hint.Color = lang.L("Escape leaves presentation mode · Page Down, Page Up: next, previous step"), dim
	if p.separate {
		p.hint.Text = lang.L("F11: full screen · the laptop's window chooses the step")
	}
	var body fyne.CanvasObject
	if v, ok := a.views[a.current].(presentable); ok {
		body = v.present()
	} else {
		about := newFitText(1, 2.2, nil)
		about.set([]para{{text: lang.L(page.about)}})
		body = about
	}
	p.body.Objects = []fyne.CanvasObject{body}
	p.body.Refresh()
	p.obj.Refresh()
	a.timer.refresh()
}

// presentLayout lays out presentation mode: the title and the timer at
// the top, the step's content in large type, a one-line hint at the
// bottom; type grows with the window.
type presentLayout struct{ p *presenter }

func (l *presentLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(320, 240) }

func (l *presentLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	p := l.p
	s := theme.TextSize() * presentScale * min(size.Width/1366, size.Height/768) * 1.0
	s = max(s, theme.TextSize()*1.2)
	p.textSize = s
	p.title.TextSize, p.sub.TextSize, p.hint.TextSize = s*1.5, s*0.8, s*0.6
	pad := s * 0.6
	bg, head, body, hint := objects[0], objects[1], objects[2], objects[3]
	bg.Move(fyne.NewPos(0, 0))
	bg.Resize(size)
	if r, ok := bg.(*canvas.Rectangle); ok {
		r.FillColor = themeColor(theme.ColorNameBackground)
	}
	headH := s*1.5*1.3 + s*0.8*1.3 + pad*0.5
	head.Move(fyne.NewPos(pad, pad*0.5))
	head.Resize(fyne.NewSize(size.Width-2*pad, headH))
	hintH := s * 0.6 * 1.4
	hint.Move(fyne.NewPos(pad, size.Height-hintH-pad*0.3))
	hint.Resize(fyne.NewSize(size.Width-2*pad, hintH))
	body.Move(fyne.NewPos(pad, pad*0.5+headH+pad*0.5))
	body.Resize(fyne.NewSize(size.Width-2*pad, size.Height-headH-hintH-pad*2.3))
}

// presentTextSize is the size of body text in presentation mode, for what
// a step presents that is not a fitText (a grid's labels).
func (a *App) presentTextSize() float32 {
	if a.present != nil && a.present.textSize > 0 {
		return a.present.textSize
	}
	return theme.TextSize() * presentScale
}

// moreText says how many paragraphs a fitText could not show.
func moreText(n int) string {
	return lang.N("… and {{.Count}} more", n, map[string]any{"Count": n})
}

// presentHeading is a heading band in a presentation: white text on a
// colour, or the theme's text without one.
func presentHeading(text string, fill color.Color) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.SizeName = theme.SizeNameSubHeadingText
	if fill == nil {
		return t
	}
	ct := canvas.NewText(text, color.White)
	ct.TextStyle = fyne.TextStyle{Bold: true}
	ct.TextSize = theme.TextSubHeadingSize() * 1.3
	band := canvas.NewRectangle(fill)
	band.CornerRadius = 6
	return container.NewStack(band, container.NewPadded(ct))
}
