package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/lang"

	"stratplan/assets"
	"stratplan/store"
	"stratplan/ui"
)

const appID = "org.stratplan.app"

func runGUI(args []string, stderr io.Writer) error {
	if err := checkDisplay(); err != nil {
		return err
	}
	path := ""
	if len(args) == 1 {
		path = args[0]
		if _, err := os.Stat(path); err != nil {
			if errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("%s: no such plan file: check the name, or create it with 'stratplan new %s'", path, path)
			}
			return fmt.Errorf("%s: %w", path, err)
		}
	}
	def, err := store.DefaultPath()
	if err != nil {
		return err
	}
	if path == "" {
		path = def
	}
	// A window holds a large plan for hours while allocating little: collect
	// garbage at half the usual headroom, so the heap stays near what is live.
	debug.SetGCPercent(50)
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("loading translations", err)
	}
	fy := app.NewWithID(appID)
	fy.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	w := ui.New(fy, ui.Config{
		Open: func(p string) (ui.Plan, error) {
			s, err := store.Open(p, nil)
			// Loading a large plan leaves tens of megabytes of garbage: give it
			// back to the system now rather than over the next minutes.
			debug.FreeOSMemory()
			return s, err
		},
		Create:      create,
		Restore:     func(p string) (string, error) { return store.Restore(p, "") },
		DefaultPath: def,
		ExamplePath: filepath.Join(filepath.Dir(def), "example"+store.Ext),
		WriteFile: func(path string, write func(io.Writer) error) error {
			return store.WriteFileAtomic(path, func(f *os.File) error { return write(f) })
		},
		OwnKey:     store.OwnKey,
		Version:    version,
		ScreenSize: screenSize,
		Beep:       beep,
	})
	w.Start(path)
	w.Window().ShowAndRun()
	return nil
}

// checkDisplay refuses to start the window where there is no display to
// show it on, instead of letting the graphics library crash.
func checkDisplay() error {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios":
		return nil
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return nil
	}
	return errors.New("there is no display to open the window on (DISPLAY is not set).\n" +
		"Run stratplan from a desktop session, or use the commands that need no window: stratplan --help lists them")
}
