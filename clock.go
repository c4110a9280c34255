package stratplan

import "time"

// Clock is a hybrid logical clock: it follows the wall clock but never goes
// behind a time it has issued or seen, so a value written after reading
// another always displays as the later one.
type Clock struct {
	last Time
	// Wall returns the current time; nil means time.Now.
	Wall func() time.Time
}

// Now returns a time later than every time the clock has issued or seen.
func (c *Clock) Now() Time {
	wall := time.Now
	if c.Wall != nil {
		wall = c.Wall
	}
	t := TimeOf(wall())
	if t <= c.last {
		t = c.last + 1
	}
	c.last = t
	return t
}

// Observe tells the clock about a time written elsewhere.
func (c *Clock) Observe(t Time) {
	if t > c.last {
		c.last = t
	}
}
