// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

/// @title KizunaToken
/// @notice The ERC-20 that represents a Kizuna-chain denom on Ethereum. Only
/// the bridge that deployed it can create or destroy supply: it mints when a
/// validator-signed batch releases the denom to Ethereum and burns when a
/// holder sends the denom back to Kizuna.
/// @dev The constructor takes no arguments on purpose: the bridge deploys each
/// token with CREATE2 and salt keccak256(denom), so the token's address is a
/// function of the bridge address, the denom and this contract's creation code
/// alone, and Kizuna can compute it before the token exists. Name, symbol and
/// decimals are set once afterwards by `initialize`.
contract KizunaToken {
    /// @notice The bridge that deployed this token: the only minter and burner.
    address public immutable bridge;

    /// @notice ERC-20 metadata, set once by the bridge through `initialize`.
    string public name;
    /// @notice ERC-20 metadata, set once by the bridge through `initialize`.
    string public symbol;
    /// @notice ERC-20 metadata, set once by the bridge through `initialize`.
    uint8 public decimals;
    /// @dev Packed next to `decimals`; guards `initialize`.
    bool private _initialized;

    /// @notice Tokens in existence: what Kizuna has released to Ethereum minus
    /// what was sent back.
    uint256 public totalSupply;
    /// @notice ERC-20 balances.
    mapping(address account => uint256) public balanceOf;
    /// @notice ERC-20 allowances; the maximum uint256 means "unlimited" and is
    /// never decreased.
    mapping(address owner => mapping(address spender => uint256)) public allowance;

    /// @notice ERC-20 transfer, also emitted for mints (from 0) and burns (to 0).
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// @notice ERC-20 approval.
    event Approval(address indexed owner, address indexed spender, uint256 value);

    /// @notice A bridge-only function was called by someone else.
    error NotBridge(address caller);
    /// @notice `initialize` was called a second time.
    error AlreadyInitialized();
    /// @notice A transfer or burn of more than the account holds.
    error InsufficientBalance(address account, uint256 balance, uint256 needed);
    /// @notice A transferFrom of more than the spender may move.
    error InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    /// @notice Tokens sent or minted to the zero address would be lost.
    error InvalidReceiver(address receiver);
    /// @notice An approval for the zero address can never be used.
    error InvalidSpender(address spender);

    /// @dev Reverts unless the caller is the bridge.
    modifier onlyBridge() {
        if (msg.sender != bridge) revert NotBridge(msg.sender);
        _;
    }

    /// @notice Records the deployer (the bridge) as the only minter and burner.
    constructor() {
        bridge = msg.sender;
    }

    /// @notice Sets the metadata the validators signed in the bridge's
    /// deployToken call. The bridge calls it right after deploying.
    /// @dev Bridge-only and once-only, so nobody can rename a deployed token.
    function initialize(string calldata name_, string calldata symbol_, uint8 decimals_) external onlyBridge {
        if (_initialized) revert AlreadyInitialized();
        _initialized = true;
        name = name_;
        symbol = symbol_;
        decimals = decimals_;
    }

    /// @notice Creates `amount` tokens for `to`: the bridge releasing a Kizuna
    /// denom to Ethereum.
    function mint(address to, uint256 amount) external onlyBridge {
        if (to == address(0)) revert InvalidReceiver(to);
        // Checked: the supply may not wrap around.
        totalSupply += amount;
        // Cannot overflow: no balance exceeds totalSupply.
        unchecked {
            balanceOf[to] += amount;
        }
        emit Transfer(address(0), to, amount);
    }

    /// @notice Destroys `amount` of `from`'s tokens: the bridge taking them in
    /// for a transfer back to Kizuna.
    /// @dev Needs no allowance: the bridge calls it only for the account that
    /// called the bridge's sendToCosmos itself.
    function burnFrom(address from, uint256 amount) external onlyBridge {
        uint256 balance = balanceOf[from];
        if (balance < amount) revert InsufficientBalance(from, balance, amount);
        // Cannot underflow: amount <= balance <= totalSupply.
        unchecked {
            balanceOf[from] = balance - amount;
            totalSupply -= amount;
        }
        emit Transfer(from, address(0), amount);
    }

    /// @notice ERC-20 transfer.
    function transfer(address to, uint256 amount) external returns (bool) {
        _transfer(msg.sender, to, amount);
        return true;
    }

    /// @notice ERC-20 approve. Sets the allowance outright (no increase or
    /// decrease helpers: keep the token minimal).
    function approve(address spender, uint256 amount) external returns (bool) {
        if (spender == address(0)) revert InvalidSpender(spender);
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    /// @notice ERC-20 transferFrom. An allowance of type(uint256).max is
    /// unlimited and left as is.
    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        uint256 allowed = allowance[from][msg.sender];
        if (allowed != type(uint256).max) {
            if (allowed < amount) revert InsufficientAllowance(msg.sender, allowed, amount);
            unchecked {
                allowance[from][msg.sender] = allowed - amount;
            }
        }
        _transfer(from, to, amount);
        return true;
    }

    /// @dev Moves `amount` from `from` to `to`, rejecting the zero address as a
    /// receiver (tokens sent there would be lost rather than burned).
    function _transfer(address from, address to, uint256 amount) private {
        if (to == address(0)) revert InvalidReceiver(to);
        uint256 balance = balanceOf[from];
        if (balance < amount) revert InsufficientBalance(from, balance, amount);
        // Cannot overflow or underflow: amount <= balance, and the sum of all
        // balances is totalSupply.
        unchecked {
            balanceOf[from] = balance - amount;
            balanceOf[to] += amount;
        }
        emit Transfer(from, to, amount);
    }
}
