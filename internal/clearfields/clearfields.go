// Package clearfields reads the clear_fields list of an update Msg: the
// optional fields the sender empties, as opposed to the ones it leaves out
// to keep their value.
package clearfields

import (
	errorsmod "cosmossdk.io/errors"
)

// Parse checks that names lists fields that may be cleared, each once and
// none of them also set, and returns them as a set. allowed maps each field
// that may be cleared to the value the Msg sets it to ("" when unset).
// Every refusal wraps invalid, the module's registered error.
func Parse(names []string, allowed map[string]string, invalid *errorsmod.Error) (map[string]bool, error) {
	cleared := make(map[string]bool, len(names))
	for _, name := range names {
		value, ok := allowed[name]
		if !ok {
			return nil, invalid.Wrapf("%q cannot be cleared", name)
		}
		if cleared[name] {
			return nil, invalid.Wrapf("%q is listed twice", name)
		}
		if value != "" {
			return nil, invalid.Wrapf("%q is both set and cleared", name)
		}
		cleared[name] = true
	}
	return cleared, nil
}
