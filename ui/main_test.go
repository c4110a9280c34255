package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2/lang"

	"stratplan/assets"
)

// TestMain loads the app's translations, as main does, in English.
func TestMain(m *testing.M) {
	os.Setenv("LANGUAGE", "en")
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}
