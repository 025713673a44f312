// Package accaddr decodes and encodes the account addresses that Msgs,
// queries and genesis files carry, the same way in every module.
package accaddr

import (
	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
)

// Parse decodes the address s of the named field, wrapping any failure in
// sdkerrors.ErrInvalidAddress.
func Parse(codec address.Codec, field, s string) (sdk.AccAddress, error) {
	if s == "" {
		return nil, sdkerrors.ErrInvalidAddress.Wrapf("%s is empty", field)
	}
	bz, err := codec.StringToBytes(s)
	if err != nil {
		return nil, sdkerrors.ErrInvalidAddress.Wrapf("%s %q: %s", field, s, err)
	}
	return bz, nil
}

// Format encodes addr with codec, falling back to the SDK's global bech32
// form if the codec refuses it (it only does for malformed bytes).
func Format(codec address.Codec, addr sdk.AccAddress) string {
	s, err := codec.BytesToString(addr)
	if err != nil {
		return addr.String()
	}
	return s
}
