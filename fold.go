package stratplan

import (
	"strings"
	"unicode"
)

// Fold is how names compare when people type them in several languages:
// letter case, accents and spacing aside ("Région  Europe" and "region
// europe" fold alike). Letters without a plain form (ß, æ, œ, ø…) are
// spelled out.
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		writeFolded(&b, r)
	}
	return b.String()
}

// writeFolded writes r in lower case without its accent.
func writeFolded(b *strings.Builder, r rune) {
	r = unicode.ToLower(r)
	if r < 0x80 {
		b.WriteRune(r)
		return
	}
	if s, ok := spelled[r]; ok {
		b.WriteString(s)
		return
	}
	if p, ok := plain[r]; ok {
		b.WriteRune(p)
		return
	}
	b.WriteRune(r)
}

// spelled are letters folded to more than one letter.
var spelled = map[rune]string{'ß': "ss", 'æ': "ae", 'œ': "oe", 'ĳ': "ij", 'þ': "th"}

// plain maps the accented Latin letters of Western, Central and Northern
// European languages, Turkish and Vietnamese's most common ones to their
// plain letter.
var plain = func() map[rune]rune {
	groups := map[rune]string{
		'a': "àáâãäåāăąǎạảấầẩẫậắằẳẵặ",
		'c': "çćĉċč",
		'd': "ďđð",
		'e': "èéêëēĕėęěẹẻẽếềểễệ",
		'g': "ĝğġģ",
		'h': "ĥħ",
		'i': "ìíîïĩīĭįıǐịỉ",
		'j': "ĵ",
		'k': "ķ",
		'l': "ĺļľŀł",
		'n': "ñńņňŉ",
		'o': "òóôõöøōŏőǒọỏốồổỗộớờởỡợơ",
		'r': "ŕŗř",
		's': "śŝşšș",
		't': "ţťŧț",
		'u': "ùúûüũūŭůűųǔụủứừửữựư",
		'w': "ŵ",
		'y': "ýÿŷỳỵỷỹ",
		'z': "źżž",
	}
	m := map[rune]rune{}
	for p, list := range groups {
		for _, r := range list {
			m[r] = p
		}
	}
	return m
}()
