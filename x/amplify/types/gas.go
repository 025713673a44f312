package types

// SignatureRecoveryGas is the gas charged for each recovery of an Ethereum
// address from a signature (a submitted message, a link or a delegation
// consent). The recovery is a secp256k1 public-key recovery, which costs
// about as much CPU as the secp256k1 signature verification the SDK's ante
// handler charges sig_verify_cost_secp256k1 for (1000 gas by default in
// x/auth params), so it costs the same: a transaction cannot make a node
// recover signatures for less than it pays to verify its own.
const SignatureRecoveryGas uint64 = 1000
