package types_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestParseMonth_AcceptsYYYYMMOnly(t *testing.T) {
	for _, s := range []string{"2025-04", "0001-01", "9999-12", "2024-10"} {
		m, err := types.ParseMonth(s)
		require.NoError(t, err, s)
		require.Equal(t, s, m.String())
	}
	for _, s := range []string{"", "2025-4", "2025-00", "2025-13", "0000-05", "25-04", "2025/04", "2025-04-01", "２０２５-04", "+025-04", "2025--4"} {
		_, err := types.ParseMonth(s)
		require.ErrorIs(t, err, types.ErrInvalidMonth, s)
	}
}

func TestMonthOf_UsesUTCCalendarMonths(t *testing.T) {
	require.Equal(t, "2025-04", types.MonthOf(time.Date(2025, 4, 30, 23, 59, 59, 0, time.UTC)).String())
	require.Equal(t, "2025-12", types.MonthOf(time.Date(2026, 1, 1, 8, 0, 0, 0, time.FixedZone("JST", 9*3600))).String())
	apr := types.MonthOf(time.Date(2025, 4, 1, 0, 0, 0, 0, time.UTC))
	mar := types.MonthOf(time.Date(2025, 3, 31, 0, 0, 0, 0, time.UTC))
	require.Equal(t, apr, mar+1)
}

func TestTargetMonth_WindowOfTheBlockMonthAndTheTwoBefore(t *testing.T) {
	p := types.DefaultParams()
	now := time.Date(2025, 2, 15, 12, 0, 0, 0, time.UTC)
	for s, want := range map[string]string{"": "2025-02", "2025-02": "2025-02", "2025-01": "2025-01", "2024-12": "2024-12"} {
		m, err := p.TargetMonth(s, now)
		require.NoError(t, err, s)
		require.Equal(t, want, m.String())
	}
	for _, s := range []string{"2024-11", "2025-03", "2026-02"} {
		_, err := p.TargetMonth(s, now)
		require.ErrorIs(t, err, types.ErrMonthOutOfWindow, s)
	}
	p.CreationWindowMonths = 0
	_, err := p.TargetMonth("2025-01", now)
	require.ErrorIs(t, err, types.ErrMonthOutOfWindow)
}
