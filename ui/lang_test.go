package ui

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"stratplan"
	"stratplan/assets"
	"stratplan/export"
)

// usedKeys are the texts the window passes to lang.L and lang.N, and the
// lists it translates indirectly.
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	re := regexp.MustCompile(`(?:lang\.(?:[LN]|X)|\bmsg|\bnOf)\("((?:[^"\\]|\\.)*)"`)
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
	for n, want := range map[int]string{0: "0 conflit", 1: "1 conflit", 2: "2 conflits"} {
		if got := lang.N("{{.Count}} conflicts", n, map[string]any{"Count": n}); got != want {
			t.Errorf("%d conflicts reads %q in French, want %q", n, got, want)
		}
	}
	if got := statsText(stratplan.MergeStats{NewEntities: 1, UpdatedFields: 3}); got != "1 nouvel élément, 3 champs modifiés, 0 nouveau conflit" {
		t.Errorf("an import's figures read %q in French", got)
	}
}

// TestOneIsSingular keeps "1 items" out of the window: a text whose count
// is a single number goes through lang.N, and each of its translations
// has a singular and a plural form.
func TestOneIsSingular(t *testing.T) {
	digitOne := regexp.MustCompile(`(^|[^\d.,{])1($|[^\d.,}])`)
	counted := regexp.MustCompile(`lang\.L\("([^"]*\{\{\.(?:\w+)\}\} (?:new |changed |good )?(?:items|workshops|regions|objectives|members|themes|lines|fields|conflicts|priorities|votes|actions|indicators|dots|bundles|participants)\b[^"]*)"`)
	plural := regexp.MustCompile(`(?:lang\.N|\bnOf)\("((?:[^"\\]|\\.)*)"`)
	files, _ := filepath.Glob("*.go")
	var keys []string
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range counted.FindAllSubmatch(src, -1) {
			t.Errorf("%s: %q says “1 …s” for one: use lang.N", f, m[1])
		}
		for _, m := range plural.FindAllSubmatch(src, -1) {
			keys = append(keys, string(m[1]))
		}
	}
	for _, name := range []string{"en", "fr", "es"} {
		tr := loadTranslations(t, name)
		for _, k := range keys {
			forms, ok := tr[k].(map[string]any)
			if !ok || forms["one"] == nil || forms["other"] == nil {
				t.Errorf("%s.json has no singular and plural forms for %q", name, k)
			}
		}
		// French says 0 in the singular too: the singular shows the number
		// it is given, never a written 1.
		for k, v := range tr {
			if forms, ok := v.(map[string]any); ok && digitOne.MatchString(fmt.Sprint(forms["one"])) {
				t.Errorf("%s.json writes 1 in the singular of %q: %q (put the count's {{.…}} there)", name, k, forms["one"])
			}
		}
	}
	data := map[string]any{"Title": "Transit", "Where": "Sahel", "Votes": 1}
	if got := lang.N("“{{.Title}}” — {{.Where}}, {{.Votes}} dots", 1, data); got != "“Transit” — Sahel, 1 dot" {
		t.Errorf("a priority with one dot reads %q", got)
	}
}

// TestRefusedBundlesAreExplainedInTheWindowsLanguage: the reader's
// messages are English; a French window says first, in French, what a
// refusal means, then gives them as details.
func TestRefusedBundlesAreExplainedInTheWindowsLanguage(t *testing.T) {
	t.Setenv("LANGUAGE", "fr")
	t.Setenv("LANG", "fr_FR.UTF-8")
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatal(err)
	}
	defer func() {
		os.Setenv("LANGUAGE", "en")
		lang.AddTranslationsFS(assets.Translations, "translations")
	}()
	read := func(data string) error {
		_, err := export.DecodeBundle(strings.NewReader(data), "/tmp/x.json")
		if err == nil {
			t.Fatalf("%.20q is taken as a bundle", data)
		}
		return err
	}
	for data, want := range map[string]string{
		"This is a text file.":                    "Ce n'est pas un paquet stratplan",
		"\ufeff{\"format\":\"stratplan-bundle\"}": "Modifié après son export",
	} {
		got := refusalText(read(data), "/tmp/x.json")
		if !strings.HasPrefix(got, want) || !strings.Contains(got, "\ndétails\u00a0: ") {
			t.Errorf("a refused file reads %q in French, want it to start %q and give the details", got, want)
		}
	}
}
