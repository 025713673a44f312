// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package testbindings

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

// FakeKizunaTokenMetaData contains all meta data concerning the FakeKizunaToken contract.
var FakeKizunaTokenMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"address\",\"name\":\"bridge_\",\"type\":\"address\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bridge\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"burnFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"pure\",\"type\":\"function\"}]",
	ID:  "FakeKizunaToken",
	Bin: "0x60a0604052348015600e575f5ffd5b5060405161034c38038061034c833981016040819052602b91603b565b6001600160a01b03166080526066565b5f60208284031215604a575f5ffd5b81516001600160a01b0381168114605f575f5ffd5b9392505050565b6080516102ce61007e5f395f61012001526102ce5ff3fe608060405234801561000f575f5ffd5b506004361061007a575f3560e01c806370a082311161005857806370a08231146100d657806379cc6790146100f5578063a9059cbb14610108578063e78cea921461011b575f5ffd5b806318160ddd1461007e57806323b872dd1461009a57806340c10f19146100c1575b5f5ffd5b61008760015481565b6040519081526020015b60405180910390f35b6100b16100a8366004610205565b60019392505050565b6040519015158152602001610091565b6100d46100cf36600461023f565b61015a565b005b6100876100e4366004610267565b5f6020819052908152604090205481565b6100d461010336600461023f565b6101a2565b6100b161011636600461023f565b6101e1565b6101427f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610091565b6001600160a01b0382165f908152602081905260408120805483929061018190849061029b565b925050819055508060015f828254610199919061029b565b90915550505050565b6001600160a01b0382165f90815260208190526040812080548392906101c99084906102ae565b925050819055508060015f82825461019991906102ae565b60015b92915050565b80356001600160a01b0381168114610200575f5ffd5b919050565b5f5f5f60608486031215610217575f5ffd5b610220846101ea565b925061022e602085016101ea565b929592945050506040919091013590565b5f5f60408385031215610250575f5ffd5b610259836101ea565b946020939093013593505050565b5f60208284031215610277575f5ffd5b610280826101ea565b9392505050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156101e4576101e4610287565b818103818111156101e4576101e461028756fea164736f6c6343000825000a",
}

// FakeKizunaToken is an auto generated Go binding around an Ethereum contract.
type FakeKizunaToken struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *FakeKizunaToken) GetABI() abi.ABI {
	return c.abi
}

// NewFakeKizunaToken creates a new instance of FakeKizunaToken.
func NewFakeKizunaToken() *FakeKizunaToken {
	parsed, err := FakeKizunaTokenMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &FakeKizunaToken{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *FakeKizunaToken) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address bridge_) returns()
func (fakeKizunaToken *FakeKizunaToken) PackConstructor(bridge_ common.Address) []byte {
	enc, err := fakeKizunaToken.abi.Pack("", bridge_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (fakeKizunaToken *FakeKizunaToken) PackBalanceOf(arg0 common.Address) []byte {
	enc, err := fakeKizunaToken.abi.Pack("balanceOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (fakeKizunaToken *FakeKizunaToken) TryPackBalanceOf(arg0 common.Address) ([]byte, error) {
	return fakeKizunaToken.abi.Pack("balanceOf", arg0)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (fakeKizunaToken *FakeKizunaToken) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := fakeKizunaToken.abi.Unpack("balanceOf", data)
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
func (fakeKizunaToken *FakeKizunaToken) PackBridge() []byte {
	enc, err := fakeKizunaToken.abi.Pack("bridge")
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
func (fakeKizunaToken *FakeKizunaToken) TryPackBridge() ([]byte, error) {
	return fakeKizunaToken.abi.Pack("bridge")
}

// UnpackBridge is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe78cea92.
//
// Solidity: function bridge() view returns(address)
func (fakeKizunaToken *FakeKizunaToken) UnpackBridge(data []byte) (common.Address, error) {
	out, err := fakeKizunaToken.abi.Unpack("bridge", data)
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
func (fakeKizunaToken *FakeKizunaToken) PackBurnFrom(from common.Address, amount *big.Int) []byte {
	enc, err := fakeKizunaToken.abi.Pack("burnFrom", from, amount)
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
func (fakeKizunaToken *FakeKizunaToken) TryPackBurnFrom(from common.Address, amount *big.Int) ([]byte, error) {
	return fakeKizunaToken.abi.Pack("burnFrom", from, amount)
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (fakeKizunaToken *FakeKizunaToken) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := fakeKizunaToken.abi.Pack("mint", to, amount)
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
func (fakeKizunaToken *FakeKizunaToken) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return fakeKizunaToken.abi.Pack("mint", to, amount)
}

// PackTotalSupply is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x18160ddd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function totalSupply() view returns(uint256)
func (fakeKizunaToken *FakeKizunaToken) PackTotalSupply() []byte {
	enc, err := fakeKizunaToken.abi.Pack("totalSupply")
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
func (fakeKizunaToken *FakeKizunaToken) TryPackTotalSupply() ([]byte, error) {
	return fakeKizunaToken.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (fakeKizunaToken *FakeKizunaToken) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := fakeKizunaToken.abi.Unpack("totalSupply", data)
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
// Solidity: function transfer(address , uint256 ) pure returns(bool)
func (fakeKizunaToken *FakeKizunaToken) PackTransfer(arg0 common.Address, arg1 *big.Int) []byte {
	enc, err := fakeKizunaToken.abi.Pack("transfer", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransfer is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa9059cbb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transfer(address , uint256 ) pure returns(bool)
func (fakeKizunaToken *FakeKizunaToken) TryPackTransfer(arg0 common.Address, arg1 *big.Int) ([]byte, error) {
	return fakeKizunaToken.abi.Pack("transfer", arg0, arg1)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address , uint256 ) pure returns(bool)
func (fakeKizunaToken *FakeKizunaToken) UnpackTransfer(data []byte) (bool, error) {
	out, err := fakeKizunaToken.abi.Unpack("transfer", data)
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
// Solidity: function transferFrom(address , address , uint256 ) pure returns(bool)
func (fakeKizunaToken *FakeKizunaToken) PackTransferFrom(arg0 common.Address, arg1 common.Address, arg2 *big.Int) []byte {
	enc, err := fakeKizunaToken.abi.Pack("transferFrom", arg0, arg1, arg2)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address , address , uint256 ) pure returns(bool)
func (fakeKizunaToken *FakeKizunaToken) TryPackTransferFrom(arg0 common.Address, arg1 common.Address, arg2 *big.Int) ([]byte, error) {
	return fakeKizunaToken.abi.Pack("transferFrom", arg0, arg1, arg2)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address , address , uint256 ) pure returns(bool)
func (fakeKizunaToken *FakeKizunaToken) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := fakeKizunaToken.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}
