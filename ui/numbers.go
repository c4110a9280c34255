package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2/lang"

	"stratplan"
)

// userLang is the language the window's texts are shown in ("en", "fr",
// "es"), however it was chosen (LANGUAGE, LC_ALL, LANG…): numbers are read
// and written the way that language writes them, never another way.
func userLang() string { return lang.X("language.code", "en") }

// decimalMark is the decimal mark of the user's language.
func decimalMark() string { return string(stratplan.SeparatorsOf(userLang()).Decimal) }

// amountReasons are the reasons stratplan.ParseAmountIn gives for refusing
// an amount, so that they are translated.
var amountReasons = []string{
	msg("it is empty"), msg("it must not be negative"), msg("it is not a finite number"),
	msg("write it with digits and at most one decimal point, e.g. 50000 or 12.5"),
	msg("write it like 50 000,50 or 50.000,50"), msg("write it like 50,000.50 or 50000.5"),
}

// readAmount reads an amount of money as the user typed it, in their
// language's way of writing numbers; it answers the amount as plans store
// it.
func readAmount(text string) (string, error) { return readQuantity(text, true) }

// readNumber reads a count that is not money (staff months, a figure)
// as readAmount does, and says "a number" when it cannot.
func readNumber(text string) (string, error) { return readQuantity(text, false) }

func readQuantity(text string, money bool) (string, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return "", nil
	}
	f, err := stratplan.ParseAmountIn(text, userLang())
	if err != nil {
		var ae *stratplan.AmountError
		if errors.As(err, &ae) {
			why := ae.Msg
			if indexOf(amountReasons, why) >= 0 {
				why = lang.L(why)
			}
			data := map[string]any{"Text": ae.Text, "Why": why}
			if money {
				return "", errors.New(lang.L("“{{.Text}}” is not an amount: {{.Why}}", data))
			}
			return "", errors.New(lang.L("“{{.Text}}” is not a number: {{.Why}}", data))
		}
		return "", err
	}
	return stratplan.FormatAmount(f), nil
}

// amountText writes an amount for the user to edit, as they would type it
// in their language: "250 000 000,5" in French, "250 000 000.5" in
// English. readAmount reads it back.
func amountText(f float64) string {
	if f == 0 {
		return ""
	}
	return formatNumber(f, -1)
}

// newAmountField is a field for an amount of money of the plan, saved
// when the user leaves it. Place it with field and amountHint as its hint:
// what is wrong with the amount then shows in the hint's place, and it is
// not saved.
func newAmountField(a *App, save func(string)) *commitEntry {
	return newQuantityField(a, save, readAmount)
}

// newNumberField is newAmountField for a count that is not money, such as
// staff months.
func newNumberField(a *App, save func(string)) *commitEntry {
	return newQuantityField(a, save, readNumber)
}

func newQuantityField(a *App, save func(string), read func(string) (string, error)) *commitEntry {
	e := newCommitEntry("0", nil)
	e.Validator = func(v string) error { _, err := read(v); return err }
	e.OnCommit = func(v string) {
		stored, err := read(v)
		if err != nil {
			a.setStatus(lang.L("Not saved: {{.Why}}", map[string]any{"Why": err.Error()}))
			return
		}
		save(stored)
	}
	return e
}

func validAmount(v string) error {
	_, err := readAmount(v)
	return err
}

func validNumber(v string) error {
	_, err := readNumber(v)
	return err
}

// trimFloat writes a number for reading, and nothing for 0.
func trimFloat(f float64) string {
	if f == 0 {
		return ""
	}
	return num(f)
}

// num writes a number for reading in the user's language, 0 included:
// "16,5" in French.
func num(f float64) string { return formatNumber(f, -1) }

// formatAmount writes money for reading: at most two decimals.
func formatAmount(f float64) string { return formatNumber(f, 2) }

// formatNumber groups thousands with a no-break space, readable in any
// language and never cut across lines, and writes the decimal mark of the
// user's language. prec is the most decimals shown (-1: as many as
// needed).
func formatNumber(f float64, prec int) string {
	s := strconv.FormatFloat(f, 'f', prec, 64)
	if i := strings.IndexByte(s, '.'); prec >= 0 && i >= 0 && strings.Trim(s[i+1:], "0") == "" {
		s = s[:i]
	}
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if neg {
		b.WriteString("-")
	}
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteRune('\u00a0')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(decimalMark() + frac)
	}
	return b.String()
}

// numberText shows a number as plans store it ("16.5") the way the
// user reads it ("16,5" in French); other text is shown as it is.
func numberText(stored string) string {
	f, err := strconv.ParseFloat(stored, 64)
	if err != nil {
		return stored
	}
	return num(f)
}

// labelled writes "label: text" with the typography of the user's
// language: French puts a no-break space before the colon.
func labelled(label, text string) string {
	return label + lang.X("typography.colon", ": ") + text
}
