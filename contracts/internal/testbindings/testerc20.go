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

// TestERC20MetaData contains all meta data concerning the TestERC20 contract.
var TestERC20MetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"quirk_\",\"type\":\"uint8\"},{\"internalType\":\"uint256\",\"name\":\"feeBps_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"value\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"allowance\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"spender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"decimals\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"feeBps\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"mint\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"quirk\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reenterData\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reenterOk\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reenterResult\",\"outputs\":[{\"internalType\":\"bytes\",\"name\":\"\",\"type\":\"bytes\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reenterTarget\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"target\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"setReenter\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"totalSupply\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"transfer\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "TestERC20",
	Bin: "0x610100604052600a60c0908152692a32b9ba102a37b5b2b760b11b60e0525f906100299082610130565b50604080518082019091526004815263151154d560e21b60208201526001906100529082610130565b5034801561005e575f5ffd5b50604051610ebb380380610ebb83398101604081905261007d916101ee565b60ff90911660805260a05261021f565b634e487b7160e01b5f52604160045260245ffd5b600181811c908216806100b557607f821691505b6020821081036100d357634e487b7160e01b5f52602260045260245ffd5b50919050565b601f82111561012b578282111561012b57805f5260205f20601f840160051c602085101561010457505f5b90810190601f840160051c035f5b81811015610127575f83820155600101610112565b5050505b505050565b81516001600160401b038111156101495761014961008d565b61015d8161015784546100a1565b846100d9565b6020601f82116001811461018f575f83156101785750848201515b5f19600385901b1c1916600184901b1784556101e7565b5f84815260208120601f198516915b828110156101be578785015182556020948501946001909201910161019e565b50848210156101db57868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b5f5f604083850312156101ff575f5ffd5b825160ff8116811461020f575f5ffd5b6020939093015192949293505050565b60805160a051610c5161026a5f395f818161019c01526106c401525f818161022a015281816103d9015281816105400152818161060a01528181610691015261078f0152610c515ff3fe608060405234801561000f575f5ffd5b5060043610610106575f3560e01c806340c10f191161009e578063aad54e2f1161006e578063aad54e2f14610225578063cc6e84541461024c578063dd62ed3e14610277578063e150ef49146102a1578063fe8c48e5146102a9575f5ffd5b806340c10f19146101d857806370a08231146101eb57806395d89b411461020a578063a9059cbb14610212575f5ffd5b806318160ddd116100d957806318160ddd1461016d57806323b872dd1461018457806324a9d85314610197578063313ce567146101be575f5ffd5b806302bcc1dd1461010a57806306fdde031461011f578063095ea7b31461013d5780631009047c14610160575b5f5ffd5b61011d6101183660046107e0565b6102b1565b005b6101276102df565b604051610134919061088c565b60405180910390f35b61015061014b36600461089e565b61036a565b6040519015158152602001610134565b6007546101509060ff1681565b61017660025481565b604051908152602001610134565b6101506101923660046108c6565b6103d6565b6101767f000000000000000000000000000000000000000000000000000000000000000081565b6101c6601281565b60405160ff9091168152602001610134565b61011d6101e636600461089e565b610484565b6101766101f9366004610900565b60036020525f908152604090205481565b61012761050a565b61015061022036600461089e565b610517565b6101c67f000000000000000000000000000000000000000000000000000000000000000081565b60055461025f906001600160a01b031681565b6040516001600160a01b039091168152602001610134565b610176610285366004610919565b600460209081525f928352604080842090915290825290205481565b610127610523565b610127610530565b600580546001600160a01b0319166001600160a01b03851617905560066102d98284836109ed565b50505050565b5f80546102eb9061095e565b80601f01602080910402602001604051908101604052809291908181526020018280546103179061095e565b80156103625780601f1061033957610100808354040283529160200191610362565b820191905f5260205f20905b81548152906001019060200180831161034557829003601f168201915b505050505081565b335f8181526004602090815260408083206001600160a01b038716808552925280832085905551919290917f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925906103c49086815260200190565b60405180910390a35060015b92915050565b5f7f000000000000000000000000000000000000000000000000000000000000000060ff16600314801561042b57506001600160a01b0384165f90815260046020908152604080832033845290915290205482115b1561043757505f61047d565b6001600160a01b0384165f90815260046020908152604080832033845290915281208054849290610469908490610abc565b9091555061047a905084848461053d565b90505b9392505050565b8060025f8282546104959190610acf565b90915550506001600160a01b0382165f90815260036020526040812080548392906104c1908490610acf565b90915550506040518181526001600160a01b038316905f907fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef9060200160405180910390a35050565b600180546102eb9061095e565b5f61047d33848461053d565b600680546102eb9061095e565b600880546102eb9061095e565b5f7f000000000000000000000000000000000000000000000000000000000000000060ff16600414801561057b57506005546001600160a01b031615155b15610608576005546040516001600160a01b039091169061059e90600690610ae2565b5f604051808303815f865af19150503d805f81146105d7576040519150601f19603f3d011682016040523d82523d5f602084013e6105dc565b606091505b5060075f60086105ec8482610b53565b508391906101000a81548160ff02191690831515021790555050505b7f000000000000000000000000000000000000000000000000000000000000000060ff16600314801561065157506001600160a01b0384165f9081526003602052604090205482115b1561065d57505f61047d565b6001600160a01b0384165f9081526003602052604081208054849290610684908490610abc565b909155505f9050600160ff7f000000000000000000000000000000000000000000000000000000000000000016146106bc575f6106f3565b6127106106e97f000000000000000000000000000000000000000000000000000000000000000085610c0e565b6106f39190610c25565b90506106ff8184610abc565b6001600160a01b0385165f9081526003602052604081208054909190610726908490610acf565b925050819055508060025f82825461073e9190610abc565b90915550506001600160a01b038085169086167fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef61077c8487610abc565b60405190815260200160405180910390a37f000000000000000000000000000000000000000000000000000000000000000060ff166002036107ba57005b506001949350505050565b80356001600160a01b03811681146107db575f5ffd5b919050565b5f5f5f604084860312156107f2575f5ffd5b6107fb846107c5565b9250602084013567ffffffffffffffff811115610816575f5ffd5b8401601f81018613610826575f5ffd5b803567ffffffffffffffff81111561083c575f5ffd5b86602082840101111561084d575f5ffd5b939660209190910195509293505050565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f61047d602083018461085e565b5f5f604083850312156108af575f5ffd5b6108b8836107c5565b946020939093013593505050565b5f5f5f606084860312156108d8575f5ffd5b6108e1846107c5565b92506108ef602085016107c5565b929592945050506040919091013590565b5f60208284031215610910575f5ffd5b61047d826107c5565b5f5f6040838503121561092a575f5ffd5b610933836107c5565b9150610941602084016107c5565b90509250929050565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061097257607f821691505b60208210810361099057634e487b7160e01b5f52602260045260245ffd5b50919050565b601f8211156109e857828211156109e857805f5260205f20601f840160051c60208510156109c157505f5b90810190601f840160051c035f5b818110156109e4575f838201556001016109cf565b5050505b505050565b67ffffffffffffffff831115610a0557610a0561094a565b610a1983610a13835461095e565b83610996565b5f601f841160018114610a4a575f8515610a335750838201355b5f19600387901b1c1916600186901b178355610aa1565b5f83815260208120601f198716915b82811015610a795786850135825560209485019460019092019101610a59565b5086821015610a95575f1960f88860031b161c19848701351681555b505060018560011b0183555b5050505050565b634e487b7160e01b5f52601160045260245ffd5b818103818111156103d0576103d0610aa8565b808201808211156103d0576103d0610aa8565b5f5f8354610aef8161095e565b600182168015610b065760018114610b1b57610b48565b60ff1983168652811515820286019350610b48565b865f5260205f205f5b83811015610b4057815488820152600190910190602001610b24565b505081860193505b509195945050505050565b815167ffffffffffffffff811115610b6d57610b6d61094a565b610b8181610b7b845461095e565b84610996565b6020601f821160018114610bb3575f8315610b9c5750848201515b5f19600385901b1c1916600184901b178455610aa1565b5f84815260208120601f198516915b82811015610be25787850151825560209485019460019092019101610bc2565b5084821015610bff57868401515f19600387901b60f8161c191681555b50505050600190811b01905550565b80820281158282048414176103d0576103d0610aa8565b5f82610c3f57634e487b7160e01b5f52601260045260245ffd5b50049056fea164736f6c6343000825000a",
}

// TestERC20 is an auto generated Go binding around an Ethereum contract.
type TestERC20 struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *TestERC20) GetABI() abi.ABI {
	return c.abi
}

// NewTestERC20 creates a new instance of TestERC20.
func NewTestERC20() *TestERC20 {
	parsed, err := TestERC20MetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &TestERC20{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *TestERC20) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(uint8 quirk_, uint256 feeBps_) returns()
func (testERC20 *TestERC20) PackConstructor(quirk_ uint8, feeBps_ *big.Int) []byte {
	enc, err := testERC20.abi.Pack("", quirk_, feeBps_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (testERC20 *TestERC20) PackAllowance(arg0 common.Address, arg1 common.Address) []byte {
	enc, err := testERC20.abi.Pack("allowance", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAllowance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xdd62ed3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (testERC20 *TestERC20) TryPackAllowance(arg0 common.Address, arg1 common.Address) ([]byte, error) {
	return testERC20.abi.Pack("allowance", arg0, arg1)
}

// UnpackAllowance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xdd62ed3e.
//
// Solidity: function allowance(address , address ) view returns(uint256)
func (testERC20 *TestERC20) UnpackAllowance(data []byte) (*big.Int, error) {
	out, err := testERC20.abi.Unpack("allowance", data)
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
func (testERC20 *TestERC20) PackApprove(spender common.Address, amount *big.Int) []byte {
	enc, err := testERC20.abi.Pack("approve", spender, amount)
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
func (testERC20 *TestERC20) TryPackApprove(spender common.Address, amount *big.Int) ([]byte, error) {
	return testERC20.abi.Pack("approve", spender, amount)
}

// UnpackApprove is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x095ea7b3.
//
// Solidity: function approve(address spender, uint256 amount) returns(bool)
func (testERC20 *TestERC20) UnpackApprove(data []byte) (bool, error) {
	out, err := testERC20.abi.Unpack("approve", data)
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
// Solidity: function balanceOf(address ) view returns(uint256)
func (testERC20 *TestERC20) PackBalanceOf(arg0 common.Address) []byte {
	enc, err := testERC20.abi.Pack("balanceOf", arg0)
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
func (testERC20 *TestERC20) TryPackBalanceOf(arg0 common.Address) ([]byte, error) {
	return testERC20.abi.Pack("balanceOf", arg0)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address ) view returns(uint256)
func (testERC20 *TestERC20) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := testERC20.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackDecimals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x313ce567.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function decimals() view returns(uint8)
func (testERC20 *TestERC20) PackDecimals() []byte {
	enc, err := testERC20.abi.Pack("decimals")
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
func (testERC20 *TestERC20) TryPackDecimals() ([]byte, error) {
	return testERC20.abi.Pack("decimals")
}

// UnpackDecimals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x313ce567.
//
// Solidity: function decimals() view returns(uint8)
func (testERC20 *TestERC20) UnpackDecimals(data []byte) (uint8, error) {
	out, err := testERC20.abi.Unpack("decimals", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24a9d853.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function feeBps() view returns(uint256)
func (testERC20 *TestERC20) PackFeeBps() []byte {
	enc, err := testERC20.abi.Pack("feeBps")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeeBps is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x24a9d853.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function feeBps() view returns(uint256)
func (testERC20 *TestERC20) TryPackFeeBps() ([]byte, error) {
	return testERC20.abi.Pack("feeBps")
}

// UnpackFeeBps is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x24a9d853.
//
// Solidity: function feeBps() view returns(uint256)
func (testERC20 *TestERC20) UnpackFeeBps(data []byte) (*big.Int, error) {
	out, err := testERC20.abi.Unpack("feeBps", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMint is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x40c10f19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function mint(address to, uint256 amount) returns()
func (testERC20 *TestERC20) PackMint(to common.Address, amount *big.Int) []byte {
	enc, err := testERC20.abi.Pack("mint", to, amount)
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
func (testERC20 *TestERC20) TryPackMint(to common.Address, amount *big.Int) ([]byte, error) {
	return testERC20.abi.Pack("mint", to, amount)
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (testERC20 *TestERC20) PackName() []byte {
	enc, err := testERC20.abi.Pack("name")
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
func (testERC20 *TestERC20) TryPackName() ([]byte, error) {
	return testERC20.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (testERC20 *TestERC20) UnpackName(data []byte) (string, error) {
	out, err := testERC20.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackQuirk is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaad54e2f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function quirk() view returns(uint8)
func (testERC20 *TestERC20) PackQuirk() []byte {
	enc, err := testERC20.abi.Pack("quirk")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackQuirk is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaad54e2f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function quirk() view returns(uint8)
func (testERC20 *TestERC20) TryPackQuirk() ([]byte, error) {
	return testERC20.abi.Pack("quirk")
}

// UnpackQuirk is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaad54e2f.
//
// Solidity: function quirk() view returns(uint8)
func (testERC20 *TestERC20) UnpackQuirk(data []byte) (uint8, error) {
	out, err := testERC20.abi.Unpack("quirk", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackReenterData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe150ef49.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reenterData() view returns(bytes)
func (testERC20 *TestERC20) PackReenterData() []byte {
	enc, err := testERC20.abi.Pack("reenterData")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReenterData is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe150ef49.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reenterData() view returns(bytes)
func (testERC20 *TestERC20) TryPackReenterData() ([]byte, error) {
	return testERC20.abi.Pack("reenterData")
}

// UnpackReenterData is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe150ef49.
//
// Solidity: function reenterData() view returns(bytes)
func (testERC20 *TestERC20) UnpackReenterData(data []byte) ([]byte, error) {
	out, err := testERC20.abi.Unpack("reenterData", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackReenterOk is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1009047c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reenterOk() view returns(bool)
func (testERC20 *TestERC20) PackReenterOk() []byte {
	enc, err := testERC20.abi.Pack("reenterOk")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReenterOk is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1009047c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reenterOk() view returns(bool)
func (testERC20 *TestERC20) TryPackReenterOk() ([]byte, error) {
	return testERC20.abi.Pack("reenterOk")
}

// UnpackReenterOk is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1009047c.
//
// Solidity: function reenterOk() view returns(bool)
func (testERC20 *TestERC20) UnpackReenterOk(data []byte) (bool, error) {
	out, err := testERC20.abi.Unpack("reenterOk", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackReenterResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe8c48e5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reenterResult() view returns(bytes)
func (testERC20 *TestERC20) PackReenterResult() []byte {
	enc, err := testERC20.abi.Pack("reenterResult")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReenterResult is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfe8c48e5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reenterResult() view returns(bytes)
func (testERC20 *TestERC20) TryPackReenterResult() ([]byte, error) {
	return testERC20.abi.Pack("reenterResult")
}

// UnpackReenterResult is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfe8c48e5.
//
// Solidity: function reenterResult() view returns(bytes)
func (testERC20 *TestERC20) UnpackReenterResult(data []byte) ([]byte, error) {
	out, err := testERC20.abi.Unpack("reenterResult", data)
	if err != nil {
		return *new([]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([]byte)).(*[]byte)
	return out0, nil
}

// PackReenterTarget is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc6e8454.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reenterTarget() view returns(address)
func (testERC20 *TestERC20) PackReenterTarget() []byte {
	enc, err := testERC20.abi.Pack("reenterTarget")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReenterTarget is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcc6e8454.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reenterTarget() view returns(address)
func (testERC20 *TestERC20) TryPackReenterTarget() ([]byte, error) {
	return testERC20.abi.Pack("reenterTarget")
}

// UnpackReenterTarget is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcc6e8454.
//
// Solidity: function reenterTarget() view returns(address)
func (testERC20 *TestERC20) UnpackReenterTarget(data []byte) (common.Address, error) {
	out, err := testERC20.abi.Unpack("reenterTarget", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackSetReenter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02bcc1dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setReenter(address target, bytes data) returns()
func (testERC20 *TestERC20) PackSetReenter(target common.Address, data []byte) []byte {
	enc, err := testERC20.abi.Pack("setReenter", target, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetReenter is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x02bcc1dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setReenter(address target, bytes data) returns()
func (testERC20 *TestERC20) TryPackSetReenter(target common.Address, data []byte) ([]byte, error) {
	return testERC20.abi.Pack("setReenter", target, data)
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (testERC20 *TestERC20) PackSymbol() []byte {
	enc, err := testERC20.abi.Pack("symbol")
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
func (testERC20 *TestERC20) TryPackSymbol() ([]byte, error) {
	return testERC20.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (testERC20 *TestERC20) UnpackSymbol(data []byte) (string, error) {
	out, err := testERC20.abi.Unpack("symbol", data)
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
func (testERC20 *TestERC20) PackTotalSupply() []byte {
	enc, err := testERC20.abi.Pack("totalSupply")
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
func (testERC20 *TestERC20) TryPackTotalSupply() ([]byte, error) {
	return testERC20.abi.Pack("totalSupply")
}

// UnpackTotalSupply is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x18160ddd.
//
// Solidity: function totalSupply() view returns(uint256)
func (testERC20 *TestERC20) UnpackTotalSupply(data []byte) (*big.Int, error) {
	out, err := testERC20.abi.Unpack("totalSupply", data)
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
func (testERC20 *TestERC20) PackTransfer(to common.Address, amount *big.Int) []byte {
	enc, err := testERC20.abi.Pack("transfer", to, amount)
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
func (testERC20 *TestERC20) TryPackTransfer(to common.Address, amount *big.Int) ([]byte, error) {
	return testERC20.abi.Pack("transfer", to, amount)
}

// UnpackTransfer is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa9059cbb.
//
// Solidity: function transfer(address to, uint256 amount) returns(bool)
func (testERC20 *TestERC20) UnpackTransfer(data []byte) (bool, error) {
	out, err := testERC20.abi.Unpack("transfer", data)
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
func (testERC20 *TestERC20) PackTransferFrom(from common.Address, to common.Address, amount *big.Int) []byte {
	enc, err := testERC20.abi.Pack("transferFrom", from, to, amount)
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
func (testERC20 *TestERC20) TryPackTransferFrom(from common.Address, to common.Address, amount *big.Int) ([]byte, error) {
	return testERC20.abi.Pack("transferFrom", from, to, amount)
}

// UnpackTransferFrom is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x23b872dd.
//
// Solidity: function transferFrom(address from, address to, uint256 amount) returns(bool)
func (testERC20 *TestERC20) UnpackTransferFrom(data []byte) (bool, error) {
	out, err := testERC20.abi.Unpack("transferFrom", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// TestERC20Approval represents a Approval event raised by the TestERC20 contract.
type TestERC20Approval struct {
	Owner   common.Address
	Spender common.Address
	Value   *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const TestERC20ApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (TestERC20Approval) ContractEventName() string {
	return TestERC20ApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed spender, uint256 value)
func (testERC20 *TestERC20) UnpackApprovalEvent(log *types.Log) (*TestERC20Approval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != testERC20.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TestERC20Approval)
	if len(log.Data) > 0 {
		if err := testERC20.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range testERC20.abi.Events[event].Inputs {
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

// TestERC20Transfer represents a Transfer event raised by the TestERC20 contract.
type TestERC20Transfer struct {
	From  common.Address
	To    common.Address
	Value *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const TestERC20TransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (TestERC20Transfer) ContractEventName() string {
	return TestERC20TransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 value)
func (testERC20 *TestERC20) UnpackTransferEvent(log *types.Log) (*TestERC20Transfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != testERC20.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(TestERC20Transfer)
	if len(log.Data) > 0 {
		if err := testERC20.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range testERC20.abi.Events[event].Inputs {
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
