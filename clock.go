package stratplan

import "time"

// MaxClockLead is how far the clock may run ahead of this machine's own
// clock, whatever time a bundle carries: a sender whose clock is wrong
// cannot drag this plan's writes into the future.
const MaxClockLead = 24 * time.Hour

// MaxTime is the latest time a value may carry: the last millisecond of the
// year 9999, the last that RFC 3339 can write.
const MaxTime Time = 253402300799999

// Clock is a hybrid logical clock: it follows the wall clock but never goes
// behind a time it has issued or seen, so a value written after reading
// another always displays as the later one. It never runs more than
// MaxClockLead ahead of the wall clock.
type Clock struct {
	last Time
	// Wall returns the current time; nil means time.Now.
	Wall func() time.Time
}

func (c *Clock) wall() Time {
	if c.Wall != nil {
		return TimeOf(c.Wall())
	}
	return TimeOf(time.Now())
}

// Now returns a time later than every time the clock has issued or seen,
// but never more than MaxClockLead past the wall clock: at that bound it
// repeats a time rather than run further ahead (the time only orders
// values for display).
func (c *Clock) Now() Time {
	t := min(max(c.wall(), c.last+1), c.Limit())
	c.last = max(c.last, t)
	return c.last
}

// Observe tells the clock about a time written elsewhere. A time further
// ahead of the wall clock than MaxClockLead is followed only that far.
func (c *Clock) Observe(t Time) {
	t = min(t, c.Limit())
	if t > c.last {
		c.last = t
	}
}

// Limit is the latest time the clock will follow: MaxClockLead past the
// wall clock.
func (c *Clock) Limit() Time {
	return min(c.wall()+Time(MaxClockLead/time.Millisecond), MaxTime)
}
