package stratplan

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"unicode"
)

// Duplicates across regions: two regions often raise the same priority in
// other words. The plan suggests such pairs from their titles; a person
// accepts a pair, which links the two with same_as (a field, so the link
// travels and merges like any other), or dismisses it, which is
// remembered in a not_same entity so the pair is not suggested again.
// Nothing is ever deleted: unlinking restores both as they were.

// DefaultDuplicateScore is the lowest similarity suggested as a duplicate.
const DefaultDuplicateScore = 0.6

// DuplicatePair is two priorities (or two actions) of different regions
// whose titles look alike.
type DuplicatePair struct {
	A, B             *Entity // A was created first
	RegionA, RegionB string  // region ids ("" when the workshop has none)
	Score            float64 // 0 to 1: the share of their (weighted) key words they have in common
}

// NotSameID is the natural id of the dismissal of a pair, the same
// whichever way round the pair is given, so that two people dismissing
// the same pair meet in one entity.
func NotSameID(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return naturalID("notsame-", a+"|"+b)
}

// DismissDuplicate records that a and b (priorities or actions) are not
// the same thing: the pair is no longer suggested.
func (ed *Edit) DismissDuplicate(a, b string) error {
	if b < a {
		a, b = b, a
	}
	return ed.Set(NotSameID(a, b), KindNotSame, Set("a", Text(a)), Set("b", Text(b)))
}

// RestoreDuplicate takes a dismissal back: the pair may be suggested again.
func (ed *Edit) RestoreDuplicate(a, b string) error {
	id := NotSameID(a, b)
	if ed.doc.Get(KindNotSame, id) == nil {
		return nil
	}
	return ed.Delete(KindNotSame, id)
}

// Dismissed reports whether the pair a, b was dismissed.
func (d *Document) Dismissed(a, b string) bool {
	e := d.Get(KindNotSame, NotSameID(a, b))
	return e != nil && !e.Deleted()
}

// LinkSame links b to a with same_as (both priorities, or both actions):
// from then on they count as one. When b is already linked to others, its
// whole group joins a's.
func (ed *Edit) LinkSame(kind, a, b string) error {
	if kind != KindPriority && kind != KindAction {
		return fmt.Errorf("only priorities and actions can be linked as the same, not a %s", kind)
	}
	for _, id := range []string{a, b} {
		if e := ed.doc.Get(kind, id); e == nil || e.Deleted() {
			return fmt.Errorf("%w: %s %s", ErrNoEntity, kind, id)
		}
	}
	groups := ed.doc.SameAsGroupsOf(kind)
	if groups[a] == groups[b] {
		return nil // already one
	}
	// When b already leads somewhere, link the member of its group that
	// leads nowhere (its first, unless links were made concurrently), so
	// that no link is overwritten.
	from := b
	if ed.doc.Get(kind, b).Str("same_as") != "" {
		for _, e := range ed.doc.Live(kind, "") {
			if groups[e.ID] == groups[b] && e.Str("same_as") == "" {
				from = e.ID
				break
			}
		}
	}
	return ed.Set(from, kind, Set("same_as", Text(a)))
}

// Unlink takes the priority or action id out of its group of linked ones;
// the others stay linked among themselves. Nothing is deleted.
func (ed *Edit) Unlink(kind, id string) error {
	e := ed.doc.Get(kind, id)
	if e == nil {
		return fmt.Errorf("%w: %s %s", ErrNoEntity, kind, id)
	}
	// Those linked to id are linked to where id led instead or, where id
	// led nowhere, to the first of them.
	next := e.Str("same_as")
	for _, o := range ed.doc.LiveWhere(kind, "same_as", id) {
		if o.ID == id {
			continue
		}
		if next == "" || next == o.ID {
			if next == "" {
				next = o.ID
			}
			if err := ed.Set(o.ID, kind, Set("same_as", Text(""))); err != nil {
				return err
			}
			continue
		}
		if err := ed.Set(o.ID, kind, Set("same_as", Text(next))); err != nil {
			return err
		}
	}
	return ed.Set(id, kind, Set("same_as", Text("")))
}

// SameAsGroupsOf joins the live priorities (or actions) linked by same_as
// into groups: links go both ways, chains join, and every value of a
// conflicting same_as counts (the union of the links). Links to entities
// that are missing or deleted are ignored. It returns each one's group
// representative: the member created first, then the one with the smaller
// id.
func (d *Document) SameAsGroupsOf(kind string) map[string]string {
	es := d.Live(kind, "")
	parent := make(map[string]string, len(es))
	rank := make(map[string]int, len(es))
	for i, e := range es { // in creation order: the root kept is the earlier one
		parent[e.ID] = e.ID
		rank[e.ID] = i
	}
	find := func(x string) string {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, e := range es {
		for _, v := range e.Field("same_as").Vals {
			for _, other := range v.V.Refs() {
				if _, ok := parent[other]; !ok || other == e.ID {
					continue
				}
				a, b := find(e.ID), find(other)
				if a == b {
					continue
				}
				if rank[b] < rank[a] {
					a, b = b, a
				}
				parent[b] = a
			}
		}
	}
	out := make(map[string]string, len(es))
	for _, e := range es {
		out[e.ID] = find(e.ID)
	}
	return out
}

// SuggestDuplicates returns the pairs of live priorities (kind
// KindPriority) or actions (KindAction) from different regions whose
// titles score at least min (DefaultDuplicateScore when min ≤ 0), best
// first, A created before B. Pairs already linked and pairs dismissed are
// left out; between two groups of linked ones, only the best pair is
// suggested, and a dismissal between them dismisses the groups.
func (d *Document) SuggestDuplicates(kind string, min float64) []DuplicatePair {
	if min <= 0 {
		min = DefaultDuplicateScore
	}
	es := d.Live(kind, "")
	groups := d.SameAsGroupsOf(kind)
	type item struct {
		e      *Entity
		region string
		words  []string
		origin string // region, or the workshop when it has none: pairs come from two origins
	}
	items := make([]item, 0, len(es))
	for _, e := range es {
		r := d.RegionOf(e)
		origin := "r:" + r
		if r == "" {
			origin = "w:" + d.WorkshopOf(e)
		}
		items = append(items, item{e: e, region: r, words: keyWords(e.Str("title")), origin: origin})
	}
	// Words in many titles say little ("customs", "management"): weigh each
	// by how rare it is among the titles compared.
	df := map[string]int{}
	for _, it := range items {
		for _, w := range it.words {
			df[w]++
		}
	}
	weight := func(w string) float64 { return math.Log(1 + float64(len(items))/float64(df[w])) }
	// Compare only titles that share a rare enough word (or the start of
	// one): comparing every pair of thousands of titles would be slow.
	byKey := map[string][]int{}
	for i, it := range items {
		seen := map[string]bool{}
		for _, w := range it.words {
			k := blockKey(w)
			if !seen[k] {
				seen[k] = true
				byKey[k] = append(byKey[k], i)
			}
		}
	}
	// A pair dismissed between two groups of linked ones dismisses the
	// groups, and only the best pair between two groups is suggested.
	dismissed := map[[2]string]bool{}
	for _, e := range d.Live(KindNotSame, "") {
		if a, b := groups[e.Str("a")], groups[e.Str("b")]; a != "" && b != "" {
			dismissed[groupPair(a, b)] = true
		}
	}
	best := map[[2]string]int{}
	common := max(50, len(items)/20)
	var out []DuplicatePair
	tried := map[[2]int]bool{}
	for _, list := range byKey {
		if len(list) > common {
			continue
		}
		for x := 0; x < len(list); x++ {
			for y := x + 1; y < len(list); y++ {
				i, j := list[x], list[y]
				a, b := items[i], items[j]
				if a.origin == b.origin || tried[[2]int{i, j}] {
					continue
				}
				tried[[2]int{i, j}] = true
				g := groupPair(groups[a.e.ID], groups[b.e.ID])
				if g[0] == g[1] || dismissed[g] {
					continue
				}
				s := similarity(a.words, b.words, weight)
				if s < min {
					continue
				}
				if i > j {
					a, b = b, a
				}
				p := DuplicatePair{A: a.e, B: b.e, RegionA: a.region, RegionB: b.region, Score: s}
				if k, ok := best[g]; ok {
					if s > out[k].Score {
						out[k] = p
					}
					continue
				}
				best[g] = len(out)
				out = append(out, p)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		if out[i].A.ID != out[j].A.ID {
			return out[i].A.ID < out[j].A.ID
		}
		return out[i].B.ID < out[j].B.ID
	})
	return out
}

func groupPair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// Similarity scores how alike two titles are, from 0 to 1, whatever their
// letter case, accents, word order and plurals, in English, French or
// Spanish: the share of their key words they have in common, all words
// weighing the same.
func Similarity(a, b string) float64 {
	return similarity(keyWords(a), keyWords(b), func(string) float64 { return 1 })
}

// similarity is the weighted Dice coefficient of two lists of key words:
// each word of a that matches a word of b (and the other way round) counts
// its weight, over the weight of all the words.
func similarity(a, b []string, weight func(string) float64) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	var total, matched float64
	usedB := make([]bool, len(b))
	for _, wa := range a {
		total += weight(wa)
		for j, wb := range b {
			if !usedB[j] && sameWord(wa, wb) {
				usedB[j] = true
				matched += weight(wa) + weight(wb)
				break
			}
		}
	}
	for _, wb := range b {
		total += weight(wb)
	}
	return matched / total
}

// sameWord reports whether two key words are one word: equal, or long
// words that differ only in their ending ("digital", "digitalisation",
// "interconexión", "interconectada").
func sameWord(a, b string) bool {
	if a == b {
		return true
	}
	n := min(len(a), len(b))
	if n < 5 {
		return false
	}
	p := 0
	for p < n && a[p] == b[p] {
		p++
	}
	return p >= 5 && float64(p) >= 0.75*float64(n) || p >= 7 && float64(p) >= 0.6*float64(n)
}

// blockKey is the start of a key word: words that can match share it.
func blockKey(w string) string {
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

// keyWords are the words of a title that carry its meaning: folded (case
// and accents aside), without the little words and the verbs of intent
// ("strengthen", "renforcer", "fortalecer"), reduced to a common stem for
// singular and plural, each once.
func keyWords(title string) []string {
	f := Fold(title)
	var out []string
	seen := map[string]bool{}
	add := func(w string) {
		if len(w) < 2 || stopWords[w] {
			return
		}
		w = stem(w)
		if len(w) >= 2 && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	for _, part := range strings.FieldsFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' }) {
		pieces := strings.Split(part, "-")
		// A hyphen after a letter or two makes one word ("e-commerce");
		// other hyphens join words ("risk-management").
		if len(pieces) == 2 && len(pieces[0]) <= 2 && pieces[0] != "" {
			add(pieces[0] + pieces[1])
			continue
		}
		for _, p := range pieces {
			add(p)
		}
	}
	return out
}

// stem reduces English, French and Spanish plurals and a few spelling
// variants to one form: it need not be a word, only the same for both.
func stem(w string) string {
	w = strings.ReplaceAll(w, "z", "s") // organization, organisation
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "aux"):
		w = w[:n-3] + "al" // nationaux → national
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y" // facilities → facility
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	case n > 4 && strings.HasSuffix(w, "x"):
		w = w[:n-1] // French plurals in -x
	}
	if n := len(w); n > 4 && strings.HasSuffix(w, "e") {
		w = w[:n-1] // procedure(s), contrôle(s), país/países
	}
	return w
}

// stopWords are left out of key words: articles, prepositions and
// conjunctions, and the verbs and nouns of intent that start so many
// priorities, in English, French and Spanish (folded).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, list := range []string{
		// English
		"a an the of and or for to in on at by with from into onto its their our this that these those between across within through via per as is are be all",
		"strengthen strengthening improve improved improving improvement enhance enhanced enhancing enhancement better develop developing promote promoting support supporting establish establishing implement implementing implementation build building increase increasing reinforce reinforcing ensure ensuring fight fighting combat combating combatting tackle tackling more new",
		// French
		"le la les l un une des du de d et ou en au aux pour par sur dans avec entre chez vers sous ce cet cette ces son sa ses leur leurs notre nos qu que qui est sont tout tous toute toutes",
		"renforcer renforcement ameliorer amelioration developper developpement promouvoir promotion soutenir soutien etablir mettre place oeuvre accroitre augmenter lutte lutter contre meilleur meilleure nouveau nouvelle",
		// Spanish
		"el la los las lo un una unos unas de del y e o u en al para por con sin entre sobre hacia desde su sus nuestro nuestra este esta estos estas que es son todo todos",
		"fortalecer fortalecimiento mejorar mejora desarrollar desarrollo promover promocion apoyar apoyo establecer implementar implementacion aumentar reforzar refuerzo garantizar lucha luchar combatir mayor nuevo nueva",
	} {
		for _, w := range strings.Fields(list) {
			m[w] = true
		}
	}
	return m
}()
