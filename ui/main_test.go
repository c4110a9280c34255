package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"

	"stratplan/assets"
)

// TestMain loads the app's translations, as main does, in English, and
// keeps the tests' settings, keys and replica marks in a folder of their
// own.
func TestMain(m *testing.M) {
	os.Setenv("LANGUAGE", "en")
	dir, err := os.MkdirTemp("", "stratplan-ui-test")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	os.Setenv("XDG_CONFIG_HOME", dir)
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}
