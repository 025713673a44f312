// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package bindings

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// KizunaTokenMetaData contains all meta data concerning the KizunaToken contract.
var KizunaTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[],\"name\":\"AlreadyInitialized\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"allowance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientAllowance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"balance\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"InsufficientBalance\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"InvalidSpender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotBridge\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bridge\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"burnFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"name_\",\"type\":\"string\"},{\"internalType\":\"string\",\"name\":\"symbol_\",\"type\":\"string\"},{\"internalType\":\"uint8\",\"name\":\"decimals_\",\"type\":\"uint8\"}],\"name\":\"initialize\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "KizunaToken",
	Bin: "0x60a0604052348015600e575f5ffd5b5033608052608051610afe6100405f395f81816101fd01528181610369015281816104ba01526105a00152610afe5ff3fe608060405234801561000f575f5ffd5b50600436106100cb575f3560e01c806340c10f191161008857806395d89b411161006357806395d89b41146101b3578063a9059cbb146101bb578063dd62ed3e146101ce578063e78cea92146101f8575f5ffd5b806340c10f191461016e57806370a082311461018157806379cc6790146101a0575f5ffd5b806306fdde03146100cf578063095ea7b3146100ed5780631624f6c61461011057806318160ddd1461012557806323b872dd1461013c578063313ce5671461014f575b5f5ffd5b6100d7610237565b6040516100e491906107a4565b60405180910390f35b6101006100fb3660046107f4565b6102c2565b60405190151581526020016100e4565b61012361011e366004610861565b61035e565b005b61012e60035481565b6040519081526020016100e4565b61010061014a3660046108e9565b610415565b60025461015c9060ff1681565b60405160ff90911681526020016100e4565b61012361017c3660046107f4565b6104af565b61012e61018f366004610923565b60046020525f908152604090205481565b6101236101ae3660046107f4565b610595565b6100d7610691565b6101006101c93660046107f4565b61069e565b61012e6101dc366004610943565b600560209081525f928352604080842090915290825290205481565b61021f7f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b0390911681526020016100e4565b5f805461024390610974565b80601f016020809104026020016040519081016040528092919081815260200182805461026f90610974565b80156102ba5780601f10610291576101008083540402835291602001916102ba565b820191905f5260205f20905b81548152906001019060200180831161029d57829003601f168201915b505050505081565b5f6001600160a01b0383166102fa5760405163270af7ed60e11b81526001600160a01b03841660048201526024015b60405180910390fd5b335f8181526005602090815260408083206001600160a01b03881680855290835292819020869055518581529192917f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925910160405180910390a35060015b92915050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146103a957604051637c8da0cf60e11b81523360048201526024016102f1565b600254610100900460ff16156103d15760405162dc149f60e41b815260040160405180910390fd5b6002805461ff0019166101001790555f6103ec858783610a17565b5060016103fa838583610a17565b506002805460ff191660ff9290921691909117905550505050565b6001600160a01b0383165f9081526005602090815260408083203384529091528120545f198114610499578281101561047157604051630c95cf2760e11b815233600482015260248101829052604481018490526064016102f1565b6001600160a01b0385165f908152600560209081526040808320338452909152902083820390555b6104a48585856106b3565b506001949350505050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146104fa57604051637c8da0cf60e11b81523360048201526024016102f1565b6001600160a01b03821661052c57604051639cfea58360e01b81526001600160a01b03831660048201526024016102f1565b8060035f82825461053d9190610ad2565b90915550506001600160a01b0382165f818152600460209081526040808320805486019055518481527fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef910160405180910390a35050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146105e057604051637c8da0cf60e11b81523360048201526024016102f1565b6001600160a01b0382165f90815260046020526040902054818110156106325760405163db42144d60e01b81526001600160a01b038416600482015260248101829052604481018390526064016102f1565b6001600160a01b0383165f8181526004602090815260408083208686039055600380548790039055518581529192917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef910160405180910390a3505050565b6001805461024390610974565b5f6106aa3384846106b3565b50600192915050565b6001600160a01b0382166106e557604051639cfea58360e01b81526001600160a01b03831660048201526024016102f1565b6001600160a01b0383165f90815260046020526040902054818110156107375760405163db42144d60e01b81526001600160a01b038516600482015260248101829052604481018390526064016102f1565b6001600160a01b038085165f8181526004602052604080822086860390559286168082529083902080548601905591517fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef906107969086815260200190565b60405180910390a350505050565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b80356001600160a01b03811681146107ef575f5ffd5b919050565b5f5f60408385031215610805575f5ffd5b61080e836107d9565b946020939093013593505050565b5f5f83601f84011261082c575f5ffd5b50813567ffffffffffffffff811115610843575f5ffd5b60208301915083602082850101111561085a575f5ffd5b9250929050565b5f5f5f5f5f60608688031215610875575f5ffd5b853567ffffffffffffffff81111561088b575f5ffd5b6108978882890161081c565b909650945050602086013567ffffffffffffffff8111156108b6575f5ffd5b6108c28882890161081c565b909450925050604086013560ff811681146108db575f5ffd5b809150509295509295909350565b5f5f5f606084860312156108fb575f5ffd5b610904846107d9565b9250610912602085016107d9565b929592945050506040919091013590565b5f60208284031215610933575f5ffd5b61093c826107d9565b9392505050565b5f5f60408385031215610954575f5ffd5b61095d836107d9565b915061096b602084016107d9565b90509250929050565b600181811c9082168061098857607f821691505b6020821081036109a657634e487b7160e01b5f52602260045260245ffd5b50919050565b634e487b7160e01b5f52604160045260245ffd5b601f821115610a125782821115610a1257805f5260205f20601f840160051c60208510156109eb57505f5b90810190601f840160051c035f5b81811015610a0e575f838201556001016109f9565b5050505b505050565b67ffffffffffffffff831115610a2f57610a2f6109ac565b610a4383610a3d8354610974565b836109c0565b5f601f841160018114610a74575f8515610a5d5750838201355b5f19600387901b1c1916600186901b178355610acb565b5f83815260208120601f198716915b82811015610aa35786850135825560209485019460019092019101610a83565b5086821015610abf575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b8082018082111561035857634e487b7160e01b5f52601160045260245ffdfea164736f6c6343000825000a",
}

// KizunaToken is an auto generated Go binding around an Ethereum contract.
type KizunaToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *KizunaToken) GetABI() abi.ABI {
	return c.abi
}

// NewKizunaToken creates a new instance of KizunaToken.
func NewKizunaToken() *KizunaToken {
	parsed, err := KizunaTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &KizunaToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *KizunaToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (kizunaToken *KizunaToken) PackAllowance(owner common.Address, spender common.Address) []byte {
	enc, err := kizunaToken.abi.Pack("allowance", owner, spender)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (kizunaToken *KizunaToken) TryPackAllowance(owner common.Address, spender common.Address) ([]byte, error) {
	return kizunaToken.abi.Pack("allowance", owner, spender)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address owner, address spender) view returns(uint256)
func (kizunaToken *KizunaToken) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := kizunaToken.abi.Unpack("allowance", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address spender, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) PackApprove(spender common.Address, amount *big.Int) []byte {
	enc, err := kizunaToken.abi.Pack("approve", spender, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address spender, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) TryPackApprove(spender common.Address, amount *big.Int) ([]byte, error) {
	return kizunaToken.abi.Pack("approve", spender, amount)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) UnpackApprove(data []byte) (bool, error) {
	out, err := kizunaToken.abi.Unpack("approve", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (kizunaToken *KizunaToken) PackBalanceOf(account common.Address) []byte {
	enc, err := kizunaToken.abi.Pack("balanceOf", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (kizunaToken *KizunaToken) TryPackBalanceOf(account common.Address) ([]byte, error) {
	return kizunaToken.abi.Pack("balanceOf", account)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address account) view returns(uint256)
func (kizunaToken *KizunaToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := kizunaToken.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBridge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe78cea92.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bridge() view returns(address)
func (kizunaToken *KizunaToken) PackBridge() []byte {
	enc, err := kizunaToken.abi.Pack("bridge")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBridge is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe78cea92.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bridge() view returns(address)
func (kizunaToken *KizunaToken) TryPackBridge() ([]byte, error) {
	return kizunaToken.abi.Pack("bridge")
}

// UnpackBridge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe78cea92.
//
// Solidity: function bridge() view returns(address)
func (kizunaToken *KizunaToken) UnpackBridge(data []byte) (common.Address, error) {
	out, err := kizunaToken.abi.Unpack("bridge", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackBurnFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79cc6790.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function burnFrom(address from, uint256 amount) returns()
func (kizunaToken *KizunaToken) PackBurnFrom(from common.Address, amount *big.Int) []byte {
	enc, err := kizunaToken.abi.Pack("burnFrom", from, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBurnFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79cc6790.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function burnFrom(address from, uint256 amount) returns()
func (kizunaToken *KizunaToken) TryPackBurnFrom(from common.Address, amount *big.Int) ([]byte, error) {
	return kizunaToken.abi.Pack("burnFrom", from, amount)
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (kizunaToken *KizunaToken) PackDecimals() []byte {
	enc, err := kizunaToken.abi.Pack("decimals")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function decimals() view returns(uint8)
func (kizunaToken *KizunaToken) TryPackDecimals() ([]byte, error) {
	return kizunaToken.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (kizunaToken *KizunaToken) UnpackDecimals(data []byte) (uint8, error) {
	out, err := kizunaToken.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackInitialize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1624f6c6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function initialize(string name_, string symbol_, uint8 decimals_) returns()
func (kizunaToken *KizunaToken) PackInitialize(name string, symbol string, decimals uint8) []byte {
	enc, err := kizunaToken.abi.Pack("initialize", name, symbol, decimals)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInitialize is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1624f6c6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function initialize(string name_, string symbol_, uint8 decimals_) returns()
func (kizunaToken *KizunaToken) TryPackInitialize(name string, symbol string, decimals uint8) ([]byte, error) {
	return kizunaToken.abi.Pack("initialize", name, symbol, decimals)
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (kizunaToken *KizunaToken) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := kizunaToken.abi.Pack("mint", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (kizunaToken *KizunaToken) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return kizunaToken.abi.Pack("mint", to, amount)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (kizunaToken *KizunaToken) PackName() []byte {
	enc, err := kizunaToken.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (kizunaToken *KizunaToken) TryPackName() ([]byte, error) {
	return kizunaToken.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (kizunaToken *KizunaToken) UnpackName(data []byte) (string, error) {
	out, err := kizunaToken.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (kizunaToken *KizunaToken) PackSymbol() []byte {
	enc, err := kizunaToken.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (kizunaToken *KizunaToken) TryPackSymbol() ([]byte, error) {
	return kizunaToken.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (kizunaToken *KizunaToken) UnpackSymbol(data []byte) (string, error) {
	out, err := kizunaToken.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (kizunaToken *KizunaToken) PackTotalSupply() []byte {
	enc, err := kizunaToken.abi.Pack("totalSupply")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function totalSupply() view returns(uint256)
func (kizunaToken *KizunaToken) TryPackTotalSupply() ([]byte, error) {
	return kizunaToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (kizunaToken *KizunaToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := kizunaToken.abi.Unpack("totalSupply", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transfer(address to, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) PackTransfer(to common.Address, amount *big.Int) []byte {
	enc, err := kizunaToken.abi.Pack("transfer", to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address to, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) TryPackTransfer(to common.Address, amount *big.Int) ([]byte, error) {
	return kizunaToken.abi.Pack("transfer", to, amount)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := kizunaToken.abi.Unpack("transfer", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) PackTransferFrom(from common.Address, to common.Address, amount *big.Int) []byte {
	enc, err := kizunaToken.abi.Pack("transferFrom", from, to, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) TryPackTransferFrom(from common.Address, to common.Address, amount *big.Int) ([]byte, error) {
	return kizunaToken.abi.Pack("transferFrom", from, to, amount)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 amount) returns(bool)
func (kizunaToken *KizunaToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := kizunaToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// KizunaTokenApproval represents a Approval event raised by the KizunaToken contract.
type KizunaTokenApproval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const KizunaTokenApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (KizunaTokenApproval) ContractEventName() string {
	return KizunaTokenApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (kizunaToken *KizunaToken) UnpackApprovalEvent(log *types.Log) (*KizunaTokenApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != kizunaToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(KizunaTokenApproval)
	if len(log.Data) > 0 {
		if err := kizunaToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range kizunaToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// KizunaTokenTransfer represents a Transfer event raised by the KizunaToken contract.
type KizunaTokenTransfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const KizunaTokenTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (KizunaTokenTransfer) ContractEventName() string {
	return KizunaTokenTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (kizunaToken *KizunaToken) UnpackTransferEvent(log *types.Log) (*KizunaTokenTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != kizunaToken.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(KizunaTokenTransfer)
	if len(log.Data) > 0 {
		if err := kizunaToken.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range kizunaToken.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (kizunaToken *KizunaToken) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], kizunaToken.abi.Errors["AlreadyInitialized"].ID.Bytes()[:4]) {
		return kizunaToken.UnpackAlreadyInitializedError(raw[4:])
	}
	if bytes.Equal(raw[:4], kizunaToken.abi.Errors["InsufficientAllowance"].ID.Bytes()[:4]) {
		return kizunaToken.UnpackInsufficientAllowanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], kizunaToken.abi.Errors["InsufficientBalance"].ID.Bytes()[:4]) {
		return kizunaToken.UnpackInsufficientBalanceError(raw[4:])
	}
	if bytes.Equal(raw[:4], kizunaToken.abi.Errors["InvalidReceiver"].ID.Bytes()[:4]) {
		return kizunaToken.UnpackInvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], kizunaToken.abi.Errors["InvalidSpender"].ID.Bytes()[:4]) {
		return kizunaToken.UnpackInvalidSpenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], kizunaToken.abi.Errors["NotBridge"].ID.Bytes()[:4]) {
		return kizunaToken.UnpackNotBridgeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// KizunaTokenAlreadyInitialized represents a AlreadyInitialized error raised by the KizunaToken contract.
type KizunaTokenAlreadyInitialized struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyInitialized()
func KizunaTokenAlreadyInitializedErrorID() common.Hash {
	return common.HexToHash("0x0dc149f07762891dbcea3fe72770f3d63a1863fc54b2f084e8c59ec476996927")
}

// UnpackAlreadyInitializedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyInitialized()
func (kizunaToken *KizunaToken) UnpackAlreadyInitializedError(raw []byte) (*KizunaTokenAlreadyInitialized, error) {
	out := new(KizunaTokenAlreadyInitialized)
	if err := kizunaToken.abi.UnpackIntoInterface(out, "AlreadyInitialized", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KizunaTokenInsufficientAllowance represents a InsufficientAllowance error raised by the KizunaToken contract.
type KizunaTokenInsufficientAllowance struct {
	Spender   common.Address
	Allowance *big.Int
	Needed    *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func KizunaTokenInsufficientAllowanceErrorID() common.Hash {
	return common.HexToHash("0x192b9e4ebc4a4fb7dd02b679453572cd28ba5c859d02dc04b21a8c00bc0a41f0")
}

// UnpackInsufficientAllowanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientAllowance(address spender, uint256 allowance, uint256 needed)
func (kizunaToken *KizunaToken) UnpackInsufficientAllowanceError(raw []byte) (*KizunaTokenInsufficientAllowance, error) {
	out := new(KizunaTokenInsufficientAllowance)
	if err := kizunaToken.abi.UnpackIntoInterface(out, "InsufficientAllowance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KizunaTokenInsufficientBalance represents a InsufficientBalance error raised by the KizunaToken contract.
type KizunaTokenInsufficientBalance struct {
	Account common.Address
	Balance *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientBalance(address account, uint256 balance, uint256 needed)
func KizunaTokenInsufficientBalanceErrorID() common.Hash {
	return common.HexToHash("0xdb42144d928cd19733b9dfeead8bc02ed403845c274e06a6eee0944fb25ca5c4")
}

// UnpackInsufficientBalanceError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientBalance(address account, uint256 balance, uint256 needed)
func (kizunaToken *KizunaToken) UnpackInsufficientBalanceError(raw []byte) (*KizunaTokenInsufficientBalance, error) {
	out := new(KizunaTokenInsufficientBalance)
	if err := kizunaToken.abi.UnpackIntoInterface(out, "InsufficientBalance", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KizunaTokenInvalidReceiver represents a InvalidReceiver error raised by the KizunaToken contract.
type KizunaTokenInvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidReceiver(address receiver)
func KizunaTokenInvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x9cfea583c76d990ae2594f1fa87255c0a172ec8bbdaef2992c80c51b9ed3f677")
}

// UnpackInvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidReceiver(address receiver)
func (kizunaToken *KizunaToken) UnpackInvalidReceiverError(raw []byte) (*KizunaTokenInvalidReceiver, error) {
	out := new(KizunaTokenInvalidReceiver)
	if err := kizunaToken.abi.UnpackIntoInterface(out, "InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KizunaTokenInvalidSpender represents a InvalidSpender error raised by the KizunaToken contract.
type KizunaTokenInvalidSpender struct {
	Spender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSpender(address spender)
func KizunaTokenInvalidSpenderErrorID() common.Hash {
	return common.HexToHash("0x4e15efdace606bab80c40161b86829e720101478cffff610268bac7ced6cdc93")
}

// UnpackInvalidSpenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSpender(address spender)
func (kizunaToken *KizunaToken) UnpackInvalidSpenderError(raw []byte) (*KizunaTokenInvalidSpender, error) {
	out := new(KizunaTokenInvalidSpender)
	if err := kizunaToken.abi.UnpackIntoInterface(out, "InvalidSpender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// KizunaTokenNotBridge represents a NotBridge error raised by the KizunaToken contract.
type KizunaTokenNotBridge struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotBridge(address caller)
func KizunaTokenNotBridgeErrorID() common.Hash {
	return common.HexToHash("0xf91b419eec7695fa42b5ad5608bd2123ca602e47c2af990b92c08729cdb5d69e")
}

// UnpackNotBridgeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotBridge(address caller)
func (kizunaToken *KizunaToken) UnpackNotBridgeError(raw []byte) (*KizunaTokenNotBridge, error) {
	out := new(KizunaTokenNotBridge)
	if err := kizunaToken.abi.UnpackIntoInterface(out, "NotBridge", raw); err != nil {
		return nil, err
	}
	return out, nil
}
