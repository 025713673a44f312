// Package simops describes the operations of the chain simulation: each
// module's simulation package lists, for every Msg it simulates, how to
// build a random instance of it from the committed state. The runner
// (testutil/sim) signs them with the simulated accounts, delivers them in
// blocks of the real app and checks every invariant after each block.
package simops

import (
	"fmt"
	"math/rand"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/bech32"
)

// Account is a simulated account: a name the runner signs for.
type Account struct {
	Name    string
	Address sdk.AccAddress
}

// Env is what an operation sees when it plans a Msg.
type Env struct {
	// R is the simulation's random source: plans must draw from it alone,
	// so that a seed replays the same run.
	R *rand.Rand
	// Ctx reads the last committed state.
	Ctx sdk.Context
	// Accounts are the simulated accounts, in a fixed order.
	Accounts []Account
	// Addr formats an address as Msgs carry it.
	Addr func(sdk.AccAddress) string
}

// Operation builds random Msgs of one type.
type Operation struct {
	// Msg is the type URL of the Msg the operation builds.
	Msg string
	// Weight is how often it is chosen relative to the others.
	Weight int
	// Plan returns a Msg and the account that signs it, or ok false when
	// the state offers nothing to do (no community yet, say). A plan may
	// build a Msg that the chain refuses: a refusal with a registered error
	// is part of the simulation, anything else fails it.
	Plan func(env *Env) (signer Account, msg sdk.Msg, ok bool)
}

// New returns an operation building Msgs of msg's type.
func New(msg sdk.Msg, weight int, plan func(env *Env) (Account, sdk.Msg, bool)) Operation {
	return Operation{Msg: sdk.MsgTypeURL(msg), Weight: weight, Plan: plan}
}

// Pick returns a random element of xs; xs must not be empty.
func Pick[T any](r *rand.Rand, xs []T) T {
	return xs[r.Intn(len(xs))]
}

// Chance reports true with probability percent/100.
func Chance(r *rand.Rand, percent int) bool {
	return r.Intn(100) < percent
}

// Find returns the simulated account with address addr.
func (e *Env) Find(addr sdk.AccAddress) (Account, bool) {
	for _, a := range e.Accounts {
		if a.Address.Equals(addr) {
			return a, true
		}
	}
	return Account{}, false
}

// FindBech32 returns the simulated account with bech32 address s, whatever
// its prefix.
func (e *Env) FindBech32(s string) (Account, bool) {
	_, bz, err := bech32.DecodeAndConvert(s)
	if err != nil {
		return Account{}, false
	}
	return e.Find(bz)
}

// Word returns a random lower-case word of n letters.
func Word(r *rand.Rand, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte('a' + r.Intn(26))
	}
	return string(b)
}

// Name returns a random name made of words, e.g. "garden kuxa 17".
func Name(r *rand.Rand) string {
	return fmt.Sprintf("%s %s %d", Word(r, 3+r.Intn(5)), Word(r, 3+r.Intn(5)), r.Intn(1000))
}
