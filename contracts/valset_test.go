package contracts_test

import (
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/contracts"
	"github.com/kizuna-chain/kizuna/contracts/bindings"
)

// twoThirdsPowers: the first member holds exactly PowerThreshold, the second
// the rest of 2^32.
var twoThirdsPowers = []uint64{contracts.PowerThreshold, contracts.PowerTotal - contracts.PowerThreshold}

// updateValset hands over from e.vals to next, signed by signerIdx of e.vals.
func (e *env) updateValset(next validators, signerIdx ...int) (*types.Receipt, error) {
	e.t.Helper()
	h := contracts.ValsetCheckpoint(testBridgeID, next.valset())
	return e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), e.vals.abi(), e.vals.sign(e.t, h, signerIdx...)))
}

func (e *env) storedCheckpoint() common.Hash {
	e.t.Helper()
	return call(e, e.bridge, bridgeABI.PackValsetCheckpoint(), bridgeABI.UnpackValsetCheckpoint)
}

func TestUpdateValset_SucceedsAboveTwoThirds(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 0)
	e := newEnv(t, vals)
	next := newValidators("w", equalPowers(5), 1)

	// 3 of 4 equal members: 3/4 > 2/3. The fourth signature is left out.
	r, err := e.updateValset(next, 0, 1, 2)
	require.NoError(t, err)

	require.Equal(t, contracts.ValsetCheckpoint(testBridgeID, next.valset()), e.storedCheckpoint())
	require.Equal(t, uint64(1), call(e, e.bridge, bridgeABI.PackValsetNonce(), bridgeABI.UnpackValsetNonce).Uint64())
	ev := findLog(t, r, bridgeABI.UnpackValsetUpdatedEvent)
	require.Equal(t, big.NewInt(1), ev.Nonce)
	require.Equal(t, next.valset().Members, ev.Members)
	require.Equal(t, next.abi().Powers, ev.Powers)
	require.Zero(t, e.eventNonce(), "valset updates carry no event nonce")

	// The new set signs the next update; the old one no longer can.
	e.vals = next
	third := newValidators("x", equalPowers(3), 2)
	_, err = e.updateValset(third, signers(4)...)
	require.NoError(t, err)
}

func TestUpdateValset_RevertsAtExactlyTwoThirds(t *testing.T) {
	vals := newValidators("v", twoThirdsPowers, 0)
	e := newEnv(t, vals)
	next := newValidators("w", equalPowers(4), 1)

	// Member 0 holds exactly floor(2^32 * 2/3): not enough.
	_, err := e.updateValset(next, 0)
	data := requireRevert(t, err, bindings.KizunaBridgeInsufficientPowerErrorID())
	ip, err := bridgeABI.UnpackInsufficientPowerError(data[4:])
	require.NoError(t, err)
	require.Equal(t, new(big.Int).SetUint64(contracts.PowerThreshold), ip.Power)
	require.Equal(t, new(big.Int).SetUint64(contracts.PowerThreshold), ip.Threshold)

	// No signature at all.
	_, err = e.updateValset(next)
	requireRevert(t, err, bindings.KizunaBridgeInsufficientPowerErrorID())

	// One more unit of power is enough.
	_, err = e.updateValset(next, 0, 1)
	require.NoError(t, err)
}

func TestUpdateValset_RevertsForgedSignature(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 0)
	e := newEnv(t, vals)
	next := newValidators("w", equalPowers(4), 1)
	h := contracts.ValsetCheckpoint(testBridgeID, next.valset())

	// Wrong key: someone else signs in member 1's place.
	sigs := vals.sign(t, h, 0, 2, 3)
	sigs[1] = sigOf(t, h, key("intruder"))
	_, err := e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), vals.abi(), sigs))
	data := requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())
	require.Equal(t, big.NewInt(1), new(big.Int).SetBytes(data[4:]))

	// Right key, different hash: member 0 signed another valset.
	other := newValidators("z", equalPowers(4), 1)
	sigs = vals.sign(t, h, 1, 2, 3)
	sigs[0] = sigOf(t, contracts.ValsetCheckpoint(testBridgeID, other.valset()), vals.members[0].key)
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), vals.abi(), sigs))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())

	// Right key, right checkpoint, other bridge id.
	sigs = vals.sign(t, h, 1, 2, 3)
	sigs[0] = sigOf(t, contracts.ValsetCheckpoint([32]byte{'o', 't', 'h', 'e', 'r'}, next.valset()), vals.members[0].key)
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), vals.abi(), sigs))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())

	// A signature of the raw hash, without the eth_sign prefix.
	sigs = vals.sign(t, h, 1, 2, 3)
	raw := rawSig(t, h, vals.members[0])
	sigs[0] = raw
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), vals.abi(), sigs))
	requireRevert(t, err, bindings.KizunaBridgeInvalidSignatureErrorID())

	require.Equal(t, contracts.ValsetCheckpoint(testBridgeID, vals.valset()), e.storedCheckpoint())
}

func TestUpdateValset_RevertsReplayedNonce(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 0)
	e := newEnv(t, vals)
	next := newValidators("w", equalPowers(4), 1)
	h := contracts.ValsetCheckpoint(testBridgeID, next.valset())
	update := bridgeABI.PackUpdateValset(next.abi(), vals.abi(), vals.sign(t, h, signers(4)...))
	e.mustSend(e.deployer, e.bridge, update)

	// The very same transaction again: its `current` is no longer current.
	_, err := e.send(e.deployer, e.bridge, update)
	requireRevert(t, err, bindings.KizunaBridgeIncorrectCheckpointErrorID())

	// The current set signs a new set with the nonce already used.
	e.vals = next
	again := newValidators("x", equalPowers(4), 1)
	_, err = e.updateValset(again, signers(4)...)
	data := requireRevert(t, err, bindings.KizunaBridgeInvalidNonceErrorID())
	in, err := bridgeABI.UnpackInvalidNonceError(data[4:])
	require.NoError(t, err)
	require.Equal(t, big.NewInt(2), in.Expected)
	require.Equal(t, big.NewInt(1), in.Got)
}

func TestUpdateValset_RevertsSkippedNonce(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 0)
	e := newEnv(t, vals)
	_, err := e.updateValset(newValidators("w", equalPowers(4), 2), signers(4)...)
	requireRevert(t, err, bindings.KizunaBridgeInvalidNonceErrorID())
}

func TestUpdateValset_RevertsWrongCurrentValset(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 0)
	e := newEnv(t, vals)
	next := newValidators("w", equalPowers(4), 1)
	h := contracts.ValsetCheckpoint(testBridgeID, next.valset())

	// Another set (the "next" one) claims to be current and signs itself in.
	_, err := e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), next.abi(), next.sign(t, h, signers(4)...)))
	requireRevert(t, err, bindings.KizunaBridgeIncorrectCheckpointErrorID())

	// The right members with other powers: member 0 claims enough power to
	// sign alone.
	forged := vals.abi()
	forged.Powers[0] = new(big.Int).SetUint64(contracts.PowerThreshold + 1)
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), forged, vals.sign(t, h, 0)))
	requireRevert(t, err, bindings.KizunaBridgeIncorrectCheckpointErrorID())

	// Fewer signatures than members.
	_, err = e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(next.abi(), vals.abi(), vals.sign(t, h, 0, 1, 2)[:3]))
	requireRevert(t, err, bindings.KizunaBridgeSignatureCountMismatchErrorID())
}

// TestUpdateValset_RejectsMalformedNext: the current set signs each bad set
// properly; the contract still refuses it.
func TestUpdateValset_RejectsMalformedNext(t *testing.T) {
	vals := newValidators("v", equalPowers(4), 0)
	e := newEnv(t, vals)

	good := newValidators("w", equalPowers(4), 1).valset()
	edit := func(f func(v *contracts.Valset)) contracts.Valset {
		v := contracts.Valset{Members: append([]common.Address{}, good.Members...), Powers: append([]uint64{}, good.Powers...), Nonce: good.Nonce}
		f(&v)
		return v
	}
	malformed := bindings.KizunaBridgeMalformedValsetErrorID()
	insufficient := bindings.KizunaBridgeInsufficientPowerErrorID()
	for _, c := range []struct {
		name string
		next contracts.Valset
		want common.Hash
	}{
		{"total power at the threshold", edit(func(v *contracts.Valset) {
			v.Powers = []uint64{contracts.PowerThreshold - 3, 1, 1, 1}
		}), insufficient},
		{"total power below the threshold", edit(func(v *contracts.Valset) {
			v.Powers = []uint64{1, 1, 1, 1}
		}), insufficient},
		{"total power above 2^32", edit(func(v *contracts.Valset) { v.Powers[0]++ }), malformed},
		{"one power above 2^32", edit(func(v *contracts.Valset) { v.Powers[0] = contracts.PowerTotal + 1 }), malformed},
		{"unsorted members", edit(func(v *contracts.Valset) {
			v.Members[1], v.Members[2] = v.Members[2], v.Members[1]
		}), malformed},
		{"duplicate member", edit(func(v *contracts.Valset) { v.Members[2] = v.Members[1] }), malformed},
		{"zero address member", edit(func(v *contracts.Valset) { v.Members[0] = common.Address{} }), malformed},
		{"zero power", edit(func(v *contracts.Valset) {
			v.Powers = []uint64{0, contracts.PowerTotal / 2, contracts.PowerTotal / 4, contracts.PowerTotal / 4}
		}), malformed},
		{"more powers than members", edit(func(v *contracts.Valset) { v.Powers = append(v.Powers, 1) }), malformed},
		{"fewer powers than members", edit(func(v *contracts.Valset) { v.Powers = v.Powers[:3] }), malformed},
		{"no members", contracts.Valset{Nonce: 1}, malformed},
		{"201 members", newValidators("big", equalPowers(contracts.MaxValsetMembers+1), 1).valset(), malformed},
	} {
		t.Run(c.name, func(t *testing.T) {
			h := contracts.ValsetCheckpoint(testBridgeID, c.next)
			_, err := e.send(e.deployer, e.bridge, bridgeABI.PackUpdateValset(toABIValset(c.next), vals.abi(), vals.sign(t, h, signers(4)...)))
			requireRevert(t, err, c.want)
		})
	}

	// 200 members is fine.
	_, err := e.updateValset(newValidators("max", equalPowers(contracts.MaxValsetMembers), 1), signers(4)...)
	require.NoError(t, err)
}

// TestConstructor_RejectsMalformedValset: the initial set obeys the same
// rules.
func TestConstructor_RejectsMalformedValset(t *testing.T) {
	e := newEnv(t, newValidators("v", equalPowers(4), 0))
	for name, v := range map[string]contracts.Valset{
		"too little power": newValidators("a", []uint64{1, 1}, 0).valset(),
		"unsorted": func() contracts.Valset {
			v := newValidators("b", equalPowers(3), 0).valset()
			v.Members[0], v.Members[2] = v.Members[2], v.Members[0]
			return v
		}(),
		"empty": {},
	} {
		_, err := e.deploy(bindings.KizunaBridgeMetaData.Bin, bridgeABI.PackConstructor(testBridgeID, toABIValset(v)))
		require.Error(t, err, name)
	}
}
