package speedtest

import (
	"context"
	"fmt"
	"runtime"
	"sync"

	"github.com/cosmos/cosmos-sdk/client"
	clienttx "github.com/cosmos/cosmos-sdk/client/tx"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"

	"github.com/kizuna-chain/kizuna/app"
)

// plannedTx is a transaction before it is signed: who sends it, with which
// sequence, and its place in the workload.
type plannedTx struct {
	n, from, to int
	sequence    uint64
}

// plan assigns senders and sequences to blocks × perBlock transactions.
// Transaction n is sent by account n mod N to account (n + perBlock) mod N:
// a block's senders are distinct while it holds at most N transactions, and
// distinct from its recipients while it holds at most N/2.
func plan(numAccounts, blocks, perBlock int) [][]plannedTx {
	sequences := make([]uint64, numAccounts)
	planned := make([][]plannedTx, blocks)
	for b := range planned {
		planned[b] = make([]plannedTx, perBlock)
		for j := range planned[b] {
			n := b*perBlock + j
			from, to := n%numAccounts, (n+perBlock)%numAccounts
			if to == from {
				to = (from + 1) % numAccounts
			}
			planned[b][j] = plannedTx{n: n, from: from, to: to, sequence: sequences[from]}
			sequences[from]++
		}
	}
	return planned
}

// signBlocks signs the planned transactions of workload w, spreading the work
// over every CPU, and returns each block's encoded transactions. numbers are
// the accounts' account numbers on the chain.
func (f *fixture) signBlocks(txConfig client.TxConfig, w workload, numbers []uint64, planned [][]plannedTx) ([][][]byte, error) {
	type job struct{ block, index int }
	jobs := make(chan job)
	signed := make([][][]byte, len(planned))
	for b := range planned {
		signed[b] = make([][]byte, len(planned[b]))
	}

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for j := range jobs {
				p := planned[j.block][j.index]
				bz, err := f.signTx(txConfig, w, numbers, p)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = fmt.Errorf("%s: signing transaction %d: %w", w.name, p.n, err)
					}
					mu.Unlock()
					continue
				}
				signed[j.block][j.index] = bz
			}
		})
	}
	for b := range planned {
		for i := range planned[b] {
			jobs <- job{b, i}
		}
	}
	close(jobs)
	wg.Wait()
	return signed, firstErr
}

// signTx builds transaction p of workload w, signs it in SIGN_MODE_DIRECT
// with the sender's secp256k1 key as a wallet does, and encodes it.
func (f *fixture) signTx(txConfig client.TxConfig, w workload, numbers []uint64, p plannedTx) ([]byte, error) {
	msg, err := w.msg(f, p.n, p.from, p.to)
	if err != nil {
		return nil, err
	}
	acc := f.accounts[p.from]
	builder := txConfig.NewTxBuilder()
	if err := builder.SetMsgs(msg); err != nil {
		return nil, err
	}
	builder.SetGasLimit(w.gas)
	builder.SetFeeAmount(sdk.NewCoins(fee(w.gas)))

	// The signer infos are part of the signed bytes: set them, without the
	// signature, before signing.
	pub := acc.priv.PubKey()
	unsigned := signing.SignatureV2{
		PubKey:   pub,
		Data:     &signing.SingleSignatureData{SignMode: signing.SignMode_SIGN_MODE_DIRECT},
		Sequence: p.sequence,
	}
	if err := builder.SetSignatures(unsigned); err != nil {
		return nil, err
	}
	signerData := authsigning.SignerData{
		Address: acc.bech32, ChainID: chainID, AccountNumber: numbers[p.from], Sequence: p.sequence, PubKey: pub,
	}
	sig, err := clienttx.SignWithPrivKey(context.Background(), signing.SignMode_SIGN_MODE_DIRECT, signerData,
		builder, acc.priv, txConfig, p.sequence)
	if err != nil {
		return nil, err
	}
	if err := builder.SetSignatures(sig); err != nil {
		return nil, err
	}
	return txConfig.TxEncoder()(builder.GetTx())
}

// fee is what gas costs at the chain's minimum gas price, rounded up.
func fee(gas uint64) sdk.Coin {
	amount := app.MinGasPrice.Amount.MulInt64(int64(gas)).Ceil().TruncateInt()
	return sdk.NewCoin(app.MinGasPrice.Denom, amount)
}
