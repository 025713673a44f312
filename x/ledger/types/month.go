package types

import (
	"fmt"
	"time"
)

// Month is a calendar month counted from January of year 0: year×12 +
// (month−1). It orders and subtracts like a number and keys the monthly cap.
type Month uint32

// MonthOf returns the UTC calendar month of t.
func MonthOf(t time.Time) Month {
	t = t.UTC()
	return Month(uint32(t.Year())*12 + uint32(t.Month()) - 1)
}

// ParseMonth parses "YYYY-MM" with a four-digit year from 0001 and a
// two-digit month from 01 to 12.
func ParseMonth(s string) (Month, error) {
	if len(s) != len("2006-01") || s[4] != '-' {
		return 0, ErrInvalidMonth.Wrapf("%q is not YYYY-MM", s)
	}
	year, ok := digits(s[:4])
	if !ok || year == 0 {
		return 0, ErrInvalidMonth.Wrapf("%q has no valid year", s)
	}
	month, ok := digits(s[5:])
	if !ok || month < 1 || month > 12 {
		return 0, ErrInvalidMonth.Wrapf("%q has no valid month", s)
	}
	return Month(year*12 + month - 1), nil
}

// String formats the month as "YYYY-MM".
func (m Month) String() string {
	return fmt.Sprintf("%04d-%02d", uint32(m)/12, uint32(m)%12+1)
}

// InWindow reports whether m is current or one of the window months before
// current.
func (m Month) InWindow(current Month, window uint32) bool {
	return m <= current && uint32(current-m) <= window
}

// digits parses a string of ASCII digits.
func digits(s string) (uint32, bool) {
	var n uint32
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint32(c-'0')
	}
	return n, true
}

// TargetMonth returns the month a creation targets: s as "YYYY-MM", or the
// month of now when s is empty. It must be the month of now or one of the
// CreationWindowMonths months before it.
func (p Params) TargetMonth(s string, now time.Time) (Month, error) {
	current := MonthOf(now)
	if s == "" {
		return current, nil
	}
	m, err := ParseMonth(s)
	if err != nil {
		return 0, err
	}
	if !m.InWindow(current, p.CreationWindowMonths) {
		return 0, ErrMonthOutOfWindow.Wrapf("%s is not %s or one of the %d months before it", m, current, p.CreationWindowMonths)
	}
	return m, nil
}
