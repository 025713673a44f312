// Package invariant runs the invariants of Kizuna's modules: named checks
// of a module's state that must hold after every block. x/crisis, which ran
// registered invariants, is gone from SDK v0.54: each module lists its own
// and they run from its CheckInvariants, its queries, the chain simulation
// and the tests.
package invariant

import (
	"errors"
	"fmt"
	"strings"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Invariant is a named check of a module's state. Check returns a message
// and whether the invariant is broken, like the SDK's invariants.
type Invariant struct {
	Name  string
	Check func(ctx sdk.Context) (string, bool)
}

// CheckAll runs every invariant of a module and returns an error listing
// the broken ones.
func CheckAll(ctx sdk.Context, module string, invariants []Invariant) error {
	var broken []string
	for _, inv := range invariants {
		if msg, isBroken := inv.Check(ctx); isBroken {
			broken = append(broken, fmt.Sprintf("%s: %s", inv.Name, msg))
		}
	}
	if len(broken) > 0 {
		return errors.New(module + " invariants broken:\n" + strings.Join(broken, "\n"))
	}
	return nil
}

// Report turns the problems an invariant found, or the error that kept it
// from reading the state, into its result.
func Report(problems []string, err error) (string, bool) {
	if err != nil {
		return fmt.Sprintf("reading the state: %v", err), true
	}
	if len(problems) == 0 {
		return "", false
	}
	return strings.Join(problems, "; "), true
}
