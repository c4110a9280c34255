package ui

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"stratplan/assets"
)

// usedKeys are the texts the window passes to lang.L and lang.N, and the
// lists it translates indirectly.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	re := regexp.MustCompile(`(?:lang\.(?:[LN]|X)|\bmsg)\("((?:[^"\\]|\\.)*)"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllSubmatch(src, -1) {
			keys[string(m[1])] = true
		}
	}
	for _, list := range [][]string{quadrantTitles, quadrantAdd, modeLabels, categoryLabels,
		actionStatusLabels, delivStatusLabels, directionLabels, frequencyLabels, matrixQuadrants,
		matrixColumns, matrixOrders, duplicateKinds, statusLabels, milestoneLabels} {
		for _, k := range list {
			keys[k] = true
		}
	}
	for _, cols := range [][]column{participantColumns, scanColumns, priorityColumns, actionColumns, indicatorColumns, receiptColumns} {
		for _, c := range cols {
			keys[c.name] = true
		}
	}
	for _, s := range pages {
		keys[s.name] = true
		if s.about != "" {
			keys[s.about] = true
		}
	}
	for _, n := range kindNames {
		keys[n] = true
	}
	return keys
}

func loadTranslations(t *testing.T, name string) map[string]any {
	t.Helper()
	data, err := assets.Translations.ReadFile("translations/" + name + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s.json: %v", name, err)
	}
	return m
}

func TestEveryTextIsTranslated(t *testing.T) {
	keys := usedKeys(t)
	for _, name := range []string{"fr", "es"} {
		tr := loadTranslations(t, name)
		for k := range keys {
			if _, ok := tr[k]; !ok {
				t.Errorf("%s.json has no translation of %q", name, k)
			}
		}
		for k := range tr {
			if !keys[k] {
				t.Errorf("%s.json translates %q, which the window no longer uses", name, k)
			}
		}
	}
}

func TestWindowSpeaksFrench(t *testing.T) {
	t.Setenv("LANGUAGE", "fr")
	t.Setenv("LANG", "fr_FR.UTF-8")
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	defer func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(assets.Translations, "translations")
	}()
	a := newExampleApp(t)
	s := swotOf(t, a)
	if got := s.quads[0].title.Text; got != "Forces (3)" {
		t.Fatalf("the Strengths quadrant reads %q in French", got)
	}
	if got := lang.N("{{.Count}} conflicts", 1, map[string]any{"Count": 1}); got != "1 conflit" {
		t.Fatalf("plural: %q", got)
	}
}
