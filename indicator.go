package stratplan

// TargetYear returns the year by which the indicator should reach its
// target ("" when not set).
func (x Indicator) TargetYear() string { return x.E.Str("target_year") }

// TargetBehindBaseline reports whether a numeric indicator's target is on
// the wrong side of its baseline: below it when higher is better, above it
// when lower is better. A plan asks for it by mistake more often than on
// purpose, so it deserves a warning. Baselines or targets that are not
// amounts are not compared.
func (x Indicator) TargetBehindBaseline() bool {
	if x.Qualitative {
		return false
	}
	base, err1 := ParseAmount(x.Baseline)
	target, err2 := ParseAmount(x.Target)
	if err1 != nil || err2 != nil {
		return false
	}
	if x.Direction == "decrease" {
		return target > base
	}
	return target < base
}
