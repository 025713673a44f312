package types

import "github.com/kizuna-chain/kizuna/internal/protoreg"

// types.proto registers first: see protoreg.
var _ = protoreg.RegisterFirst("kizuna/bridge/v1/types.proto", &Params{})
