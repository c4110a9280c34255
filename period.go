package stratplan

import (
	"strconv"
	"time"
)

// PeriodRange returns the first and last day of a reporting period as
// measurements name it: "2026", "2026-S1", "2026-Q3" or "2026-09".
func PeriodRange(p string) (first, last time.Time, ok bool) {
	if !periodRE.MatchString(p) {
		return time.Time{}, time.Time{}, false
	}
	year, _ := strconv.Atoi(p[:4])
	from, months := 1, 12
	switch {
	case len(p) == 4:
	case p[5] == 'S':
		from, months = 1+6*int(p[6]-'1'), 6
	case p[5] == 'Q':
		from, months = 1+3*int(p[6]-'1'), 3
	default:
		from, _ = strconv.Atoi(p[5:])
		months = 1
	}
	first = time.Date(year, time.Month(from), 1, 0, 0, 0, 0, time.UTC)
	last = first.AddDate(0, months, -1)
	return first, last, true
}

// frequencyMonths is how many months one period of a frequency spans;
// an unknown or missing frequency reads as annual.
func frequencyMonths(f string) int {
	switch f {
	case "monthly":
		return 1
	case "quarterly":
		return 3
	case "semiannual":
		return 6
	case "biennial":
		return 24
	}
	return 12
}

// DuePeriod is the latest period of the frequency that has ended by now:
// the one whose figure an owner should have reported. Biennial indicators
// report by year, every other year; their due period is the last full
// year. It returns the period's name and its last day.
func DuePeriod(frequency string, now time.Time) (string, time.Time) {
	y, m := now.Year(), int(now.Month())
	var name string
	var end time.Time
	switch frequencyMonths(frequency) {
	case 1:
		first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
		name = first.Format("2006-01")
		end = first.AddDate(0, 1, -1)
	case 3:
		q := (m - 1) / 3 // the quarter that ended last, 0 = last year's fourth
		if q == 0 {
			y, q = y-1, 4
		}
		name = strconv.Itoa(y) + "-Q" + strconv.Itoa(q)
		end = time.Date(y, time.Month(3*q+1), 0, 0, 0, 0, 0, time.UTC)
	case 6:
		s := (m - 1) / 6
		if s == 0 {
			y, s = y-1, 2
		}
		name = strconv.Itoa(y) + "-S" + strconv.Itoa(s)
		end = time.Date(y, time.Month(6*s+1), 0, 0, 0, 0, 0, time.UTC)
	default:
		name = strconv.Itoa(y - 1)
		end = time.Date(y-1, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	return name, end
}

// PeriodOf is the period of the frequency that holds the day t (biennial
// indicators report by year), with its last day.
func PeriodOf(frequency string, t time.Time) (string, time.Time) {
	y, m := t.Year(), int(t.Month())
	switch n := frequencyMonths(frequency); n {
	case 1:
		first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		return first.Format("2006-01"), first.AddDate(0, 1, -1)
	case 3, 6:
		k := (m-1)/n + 1
		name := strconv.Itoa(y) + "-Q" + strconv.Itoa(k)
		if n == 6 {
			name = strconv.Itoa(y) + "-S" + strconv.Itoa(k)
		}
		return name, time.Date(y, time.Month(n*k+1), 0, 0, 0, 0, 0, time.UTC)
	}
	return strconv.Itoa(y), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
}

func parseDate(s string) (time.Time, bool) {
	t, err := time.Parse("2006-01-02", s)
	return t, err == nil
}
