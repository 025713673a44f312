// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

// TEST ONLY. These contracts exist for the Go tests in contracts/ and are never
// deployed: build.js compiles them separately into test/artifacts/, and their
// bindings live in contracts/internal/testbindings, which nothing outside
// contracts/ can import.

/// @notice A plain ERC-20 with an open mint, standing in for any external
/// token (USDC, WETH...). `quirk` selects a misbehaviour for the tests.
contract TestERC20 {
    /// @notice 0: standard; 1: takes feeBps of every transfer as a fee (burned);
    /// 2: transfer/transferFrom return nothing (USDT style); 3: they return
    /// false instead of reverting; 4: they first call reenterTarget with
    /// reenterData (a re-entry into the bridge) and record the outcome.
    uint8 public immutable quirk;
    uint256 public immutable feeBps;

    string public name = "Test Token";
    string public symbol = "TEST";
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    /// @notice For quirk 4: the call made from inside transfer/transferFrom,
    /// and what it returned (or its revert data) the last time.
    address public reenterTarget;
    bytes public reenterData;
    bool public reenterOk;
    bytes public reenterResult;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(uint8 quirk_, uint256 feeBps_) {
        quirk = quirk_;
        feeBps = feeBps_;
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function setReenter(address target, bytes calldata data) external {
        reenterTarget = target;
        reenterData = data;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        return _move(msg.sender, to, amount);
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        if (quirk == 3 && allowance[from][msg.sender] < amount) return false;
        allowance[from][msg.sender] -= amount;
        return _move(from, to, amount);
    }

    function _move(address from, address to, uint256 amount) private returns (bool) {
        if (quirk == 4 && reenterTarget != address(0)) {
            (reenterOk, reenterResult) = reenterTarget.call(reenterData);
        }
        if (quirk == 3 && balanceOf[from] < amount) return false;
        balanceOf[from] -= amount;
        uint256 fee = quirk == 1 ? amount * feeBps / 10000 : 0;
        balanceOf[to] += amount - fee;
        totalSupply -= fee;
        emit Transfer(from, to, amount - fee);
        if (quirk == 2) {
            assembly {
                return(0, 0)
            }
        }
        return true;
    }
}

/// @notice Looks like a KizunaToken (same functions, `bridge` set to the real
/// bridge) but was not deployed by it: the bridge must treat it as external.
contract FakeKizunaToken {
    address public immutable bridge;
    mapping(address => uint256) public balanceOf;
    uint256 public totalSupply;

    constructor(address bridge_) {
        bridge = bridge_;
    }

    function mint(address to, uint256 amount) external {
        balanceOf[to] += amount;
        totalSupply += amount;
    }

    /// @notice Burns without moving anything to the bridge: if the bridge
    /// believed this token, it would credit a deposit that never happened.
    function burnFrom(address from, uint256 amount) external {
        balanceOf[from] -= amount;
        totalSupply -= amount;
    }

    /// @notice Claims success but moves nothing.
    function transferFrom(address, address, uint256) external pure returns (bool) {
        return true;
    }

    function transfer(address, uint256) external pure returns (bool) {
        return true;
    }
}
