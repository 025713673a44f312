// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.37;

import {KizunaToken} from "./KizunaToken.sol";

/// @dev The two ERC-20 functions the bridge calls on tokens it does not own.
interface IERC20Like {
    function balanceOf(address account) external view returns (uint256);
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// @title KizunaBridge
/// @notice The Ethereum end of Kizuna's Cosmos <-> Ethereum bridge.
///
/// Trust model: the contract trusts Kizuna's validator set and nothing else.
/// It stores only a hash (the checkpoint) of the current set of validators'
/// Ethereum keys and their normalized voting powers; every state change that
/// moves value or changes the set needs ECDSA signatures from members holding
/// more than 2/3 of that power. Powers are normalized on Kizuna so that they sum
/// to at most 2^32, which makes the threshold a constant.
///
/// - updateValset: the current set hands over to the next one.
/// - submitBatch: releases tokens Kizuna has debited (a batch of withdrawals
///   of one token), paying the batch fees to whoever submits it.
/// - deployToken: creates the ERC-20 for a Kizuna denom at an address Kizuna
///   can compute in advance (CREATE2).
/// - sendToCosmos: anyone locks (external ERC-20) or burns (Kizuna token)
///   tokens; the validators observe the event and credit the destination.
///
/// Every hash the validators sign starts with `bridgeId` and a distinct
/// bytes32 tag, so a signature is valid for one operation of one bridge only.
contract KizunaBridge {
    // ------------------------------------------------------------------
    // Constants (mirrored by the Go package contracts)
    // ------------------------------------------------------------------

    /// @notice Valset powers are normalized on Kizuna to sum to at most this.
    uint256 public constant POWER_TOTAL = 1 << 32;
    /// @notice floor(2^32 * 2 / 3). Signed power must be strictly greater, so
    /// exactly two thirds of a full 2^32 set is not enough.
    uint256 public constant POWER_THRESHOLD = 2863311530;
    /// @notice Bounds the signature loop (and so the gas of every call).
    uint256 public constant MAX_VALSET_MEMBERS = 200;
    /// @notice Bounds the transfer loop of submitBatch.
    uint256 public constant MAX_BATCH_TRANSFERS = 100;
    /// @notice Byte bounds of the strings the bridge accepts.
    uint256 public constant MAX_DENOM_BYTES = 128;
    uint256 public constant MAX_NAME_BYTES = 128;
    uint256 public constant MAX_SYMBOL_BYTES = 32;
    uint256 public constant MAX_DESTINATION_BYTES = 128;

    /// @dev Domain tags, ASCII right-padded with zeros: they keep a signature
    /// over one kind of message from being replayed as another.
    bytes32 private constant VALSET_TAG = bytes32("valset");
    bytes32 private constant BATCH_TAG = bytes32("batch");
    bytes32 private constant DEPLOY_TAG = bytes32("deployToken");

    /// @dev secp256k1n / 2. Signatures with a larger s are the malleable twin
    /// of a low-s one and are refused, as Ethereum does for transactions.
    uint256 private constant HALF_CURVE_ORDER = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0;

    // ------------------------------------------------------------------
    // Types
    // ------------------------------------------------------------------

    /// @notice A validator set: Ethereum keys strictly ascending by address,
    /// their powers (same order), and the set's nonce.
    struct Valset {
        address[] members;
        uint256[] powers;
        uint256 nonce;
    }

    /// @notice One member's signature. v == 0 means "this member did not
    /// sign"; sigs[i] belongs to members[i].
    struct Sig {
        uint8 v;
        bytes32 r;
        bytes32 s;
    }

    // ------------------------------------------------------------------
    // State
    // ------------------------------------------------------------------

    /// @notice Separates the signatures of this bridge from those of any
    /// other deployment that shares validators (another chain, a testnet).
    bytes32 public immutable bridgeId;

    /// @notice checkpointOf(current valset). Callers supply the full set and
    /// the contract checks it against this hash: storing one word instead of
    /// up to 400.
    bytes32 public valsetCheckpoint;
    /// @notice Nonce of the current valset. Each update must bring exactly the
    /// next one, so an old update can never be replayed.
    uint256 public valsetNonce;
    /// @notice The last executed batch nonce per token. Batches of one token
    /// execute strictly in order, each once.
    mapping(address token => uint256) public lastBatchNonce;
    /// @notice Counts the events Kizuna must process in order (SendToCosmos and
    /// BatchExecuted), so the validators can attest to them one by one.
    uint256 public eventNonce;
    /// @dev keccak256(bytes(denom)) => the denom's KizunaToken.
    mapping(bytes32 denomHash => address) private _tokenByDenomHash;
    /// @notice True only for tokens this bridge deployed through deployToken.
    mapping(address token => bool) public isKizunaToken;

    /// @dev Reentrancy lock; transient, so it costs no storage write.
    bool private transient _locked;

    // ------------------------------------------------------------------
    // Events
    // ------------------------------------------------------------------

    /// @notice The valset changed (also emitted by the constructor for the
    /// initial set), with everything a relayer needs to pass it as `current`.
    event ValsetUpdated(uint256 indexed nonce, address[] members, uint256[] powers);
    /// @notice A batch executed; Kizuna marks it done when it observes this.
    event BatchExecuted(uint256 indexed batchNonce, address indexed token, uint256 eventNonce);
    /// @notice A KizunaToken was deployed for `denom`.
    event TokenDeployed(string denom, address indexed token, string name, string symbol, uint8 decimals);
    /// @notice `amount` of `token` left `sender` for `destination` on Kizuna.
    event SendToCosmos(
        address indexed token, address indexed sender, string destination, uint256 amount, uint256 eventNonce
    );

    // ------------------------------------------------------------------
    // Errors
    // ------------------------------------------------------------------

    /// @notice The supplied current valset does not hash to valsetCheckpoint.
    error IncorrectCheckpoint();
    /// @notice A valset or batch nonce is not the exact next one.
    error InvalidNonce(uint256 expected, uint256 got);
    /// @notice sigs[index] is present (v != 0) but is not members[index]'s
    /// valid low-s signature of the message.
    error InvalidSignature(uint256 index);
    /// @notice The signed power (or a new valset's total power) is not above
    /// the threshold.
    error InsufficientPower(uint256 power, uint256 threshold);
    /// @notice The signature count differs from the member count.
    error SignatureCountMismatch(uint256 signatures, uint256 members);
    /// @notice A new valset breaks the rules: 1..200 members, as many powers,
    /// members strictly ascending (no duplicates, no zero address), each power
    /// non-zero, total at most 2^32.
    error MalformedValset();
    /// @notice A batch has no transfers, more than 100, or arrays of
    /// different lengths.
    error MalformedBatch();
    /// @notice destinations[index] is the zero address.
    error ZeroDestination(uint256 index);
    /// @notice The batch's timeout block has been reached.
    error BatchTimedOut(uint256 blockNumber, uint256 timeout);
    /// @notice A string is empty or longer than its bound (in bytes).
    error InvalidString(uint256 length, uint256 maxLength);
    /// @notice The denom already has a token; a denom maps to one token ever.
    error TokenExists(address token);
    /// @notice The token address has no code (a transfer to it would "succeed").
    error NotAContract(address token);
    /// @notice The token's transfer or transferFrom reverted or returned false.
    error TokenTransferFailed(address token);
    /// @notice sendToCosmos of zero tokens.
    error ZeroAmount();
    /// @notice The bridge's balance did not grow (a token that took it all as
    /// a fee, or lied about the transfer).
    error NothingReceived(address token);
    /// @notice A nonReentrant function was entered again.
    error Reentrancy();

    // ------------------------------------------------------------------
    // Construction
    // ------------------------------------------------------------------

    /// @notice Deploys the bridge with its id and the first valset, which must
    /// satisfy the same rules as any later one.
    constructor(bytes32 bridgeId_, Valset memory initial) {
        _validateValset(initial.members, initial.powers);
        bridgeId = bridgeId_;
        valsetCheckpoint = keccak256(abi.encode(bridgeId_, VALSET_TAG, initial.nonce, initial.members, initial.powers));
        valsetNonce = initial.nonce;
        emit ValsetUpdated(initial.nonce, initial.members, initial.powers);
    }

    /// @dev Simple lock; every function that calls into a token it does not
    /// control is nonReentrant.
    modifier nonReentrant() {
        if (_locked) revert Reentrancy();
        _locked = true;
        _;
        _locked = false;
    }

    // ------------------------------------------------------------------
    // Hashes (also computed by Kizuna; see contracts/bridge.go)
    // ------------------------------------------------------------------

    /// @notice keccak256(abi.encode(bridgeId, "valset", nonce, members, powers)).
    function checkpointOf(Valset calldata v) public view returns (bytes32) {
        return keccak256(abi.encode(bridgeId, VALSET_TAG, v.nonce, v.members, v.powers));
    }

    /// @notice keccak256(abi.encode(bridgeId, "batch", token, batchNonce,
    /// timeout, destinations, amounts, fees)): what the validators sign for a
    /// batch.
    function batchHashOf(
        address token,
        uint256 batchNonce,
        uint256 timeout,
        address[] calldata destinations,
        uint256[] calldata amounts,
        uint256[] calldata fees
    ) public view returns (bytes32) {
        return keccak256(abi.encode(bridgeId, BATCH_TAG, token, batchNonce, timeout, destinations, amounts, fees));
    }

    /// @notice keccak256(abi.encode(bridgeId, "deployToken", denom, name,
    /// symbol, decimals)): what the validators sign to deploy a token.
    function deployHashOf(string calldata denom, string calldata name, string calldata symbol, uint8 decimals)
        public
        view
        returns (bytes32)
    {
        return keccak256(abi.encode(bridgeId, DEPLOY_TAG, denom, name, symbol, decimals));
    }

    /// @notice The KizunaToken of `denom`, or the zero address.
    function tokenOf(string calldata denom) external view returns (address) {
        return _tokenByDenomHash[keccak256(bytes(denom))];
    }

    // ------------------------------------------------------------------
    // Validator-signed operations
    // ------------------------------------------------------------------

    /// @notice Replaces the current valset by `next`, signed by more than 2/3
    /// of the current valset's power.
    /// @param next The new set; its nonce must be valsetNonce + 1.
    /// @param current The set stored (as a checkpoint) in the contract.
    /// @param sigs current's members' signatures of checkpointOf(next).
    function updateValset(Valset calldata next, Valset calldata current, Sig[] calldata sigs) external {
        _checkCurrent(current);
        if (current.nonce != valsetNonce) revert IncorrectCheckpoint();
        uint256 nonce = current.nonce + 1;
        if (next.nonce != nonce) revert InvalidNonce(nonce, next.nonce);
        _validateValset(next.members, next.powers);
        bytes32 checkpoint = checkpointOf(next);
        _checkSignatures(current, sigs, checkpoint);

        valsetCheckpoint = checkpoint;
        valsetNonce = nonce;
        emit ValsetUpdated(nonce, next.members, next.powers);
    }

    /// @notice Executes a batch of withdrawals of one token signed by more than
    /// 2/3 of the current valset: mints (Kizuna token) or releases (external
    /// token) each amount to its destination and pays the total fee to the
    /// caller, who relayed the batch.
    /// @param batchNonce Must be lastBatchNonce[token] + 1.
    /// @param timeout The first Ethereum block number at which the batch can no
    /// longer execute, so Kizuna can safely cancel it after that.
    function submitBatch(
        Valset calldata current,
        Sig[] calldata sigs,
        address token,
        uint256 batchNonce,
        uint256 timeout,
        address[] calldata destinations,
        uint256[] calldata amounts,
        uint256[] calldata fees
    ) external nonReentrant {
        _checkBatchHeader(token, batchNonce, timeout, destinations.length, amounts.length, fees.length);
        _checkCurrent(current);
        _checkSignatures(current, sigs, batchHashOf(token, batchNonce, timeout, destinations, amounts, fees));

        // Effects before interactions.
        lastBatchNonce[token] = batchNonce;
        uint256 nonce = eventNonce + 1;
        eventNonce = nonce;

        if (isKizunaToken[token]) {
            _mintBatch(KizunaToken(token), destinations, amounts, fees);
        } else {
            _releaseBatch(token, destinations, amounts, fees);
        }
        emit BatchExecuted(batchNonce, token, nonce);
    }

    /// @notice Deploys the KizunaToken of `denom` (CREATE2, salt
    /// keccak256(denom)) with the signed metadata, and registers it. A denom
    /// gets one token, ever.
    function deployToken(
        Valset calldata current,
        Sig[] calldata sigs,
        string calldata denom,
        string calldata name,
        string calldata symbol,
        uint8 decimals
    ) external returns (address) {
        _checkString(denom, MAX_DENOM_BYTES);
        _checkString(name, MAX_NAME_BYTES);
        _checkString(symbol, MAX_SYMBOL_BYTES);
        bytes32 salt = keccak256(bytes(denom));
        address existing = _tokenByDenomHash[salt];
        if (existing != address(0)) revert TokenExists(existing);
        _checkCurrent(current);
        _checkSignatures(current, sigs, deployHashOf(denom, name, symbol, decimals));

        KizunaToken token = new KizunaToken{salt: salt}();
        token.initialize(name, symbol, decimals);
        _tokenByDenomHash[salt] = address(token);
        isKizunaToken[address(token)] = true;
        emit TokenDeployed(denom, address(token), name, symbol, decimals);
        return address(token);
    }

    // ------------------------------------------------------------------
    // Deposits
    // ------------------------------------------------------------------

    /// @notice Sends `amount` of `token` to `destination` on Kizuna. A
    /// KizunaToken is burned from the caller (no approval needed); any other
    /// token is pulled with transferFrom (approve the bridge first) and the
    /// amount credited is what the bridge actually received.
    /// @dev A token that merely claims to be a Kizuna token but was not
    /// deployed by this bridge is an external token like any other.
    function sendToCosmos(address token, string calldata destination, uint256 amount) external nonReentrant {
        _checkString(destination, MAX_DESTINATION_BYTES);
        if (amount == 0) revert ZeroAmount();

        uint256 credited;
        if (isKizunaToken[token]) {
            KizunaToken(token).burnFrom(msg.sender, amount);
            credited = amount;
        } else {
            if (token.code.length == 0) revert NotAContract(token);
            uint256 before = IERC20Like(token).balanceOf(address(this));
            _callToken(token, abi.encodeCall(IERC20Like.transferFrom, (msg.sender, address(this), amount)));
            uint256 afterwards = IERC20Like(token).balanceOf(address(this));
            // Fee-on-transfer tokens: credit what arrived, never what was asked.
            if (afterwards <= before) revert NothingReceived(token);
            unchecked {
                credited = afterwards - before;
            }
        }

        uint256 nonce = eventNonce + 1;
        eventNonce = nonce;
        emit SendToCosmos(token, msg.sender, destination, credited, nonce);
    }

    // ------------------------------------------------------------------
    // Internals
    // ------------------------------------------------------------------

    /// @dev Rejects a batch out of order, timed out, empty, too long or with
    /// arrays of different lengths.
    function _checkBatchHeader(
        address token,
        uint256 batchNonce,
        uint256 timeout,
        uint256 count,
        uint256 amountCount,
        uint256 feeCount
    ) private view {
        uint256 expected = lastBatchNonce[token] + 1;
        if (batchNonce != expected) revert InvalidNonce(expected, batchNonce);
        if (block.number >= timeout) revert BatchTimedOut(block.number, timeout);
        if (count == 0 || count > MAX_BATCH_TRANSFERS || amountCount != count || feeCount != count) {
            revert MalformedBatch();
        }
    }

    /// @dev Mints each amount to its destination and the fee total to the
    /// caller.
    function _mintBatch(
        KizunaToken token,
        address[] calldata destinations,
        uint256[] calldata amounts,
        uint256[] calldata fees
    ) private {
        uint256 feeTotal;
        uint256 n = destinations.length;
        for (uint256 i; i < n; ++i) {
            address to = destinations[i];
            if (to == address(0)) revert ZeroDestination(i);
            token.mint(to, amounts[i]);
            feeTotal += fees[i];
        }
        if (feeTotal != 0) token.mint(msg.sender, feeTotal);
    }

    /// @dev Transfers each amount of an external token to its destination and
    /// the fee total to the caller.
    function _releaseBatch(
        address token,
        address[] calldata destinations,
        uint256[] calldata amounts,
        uint256[] calldata fees
    ) private {
        if (token.code.length == 0) revert NotAContract(token);
        uint256 feeTotal;
        uint256 n = destinations.length;
        for (uint256 i; i < n; ++i) {
            address to = destinations[i];
            if (to == address(0)) revert ZeroDestination(i);
            _callToken(token, abi.encodeCall(IERC20Like.transfer, (to, amounts[i])));
            feeTotal += fees[i];
        }
        if (feeTotal != 0) _callToken(token, abi.encodeCall(IERC20Like.transfer, (msg.sender, feeTotal)));
    }

    /// @dev Calls an ERC-20 transfer function, accepting the tokens that return
    /// nothing as well as those that return true. The caller has checked that
    /// the token has code: a call to an address without code succeeds.
    function _callToken(address token, bytes memory data) private {
        (bool ok, bytes memory ret) = token.call(data);
        if (!ok || (ret.length != 0 && (ret.length < 32 || uint256(bytes32(ret)) != 1))) {
            revert TokenTransferFailed(token);
        }
    }

    /// @dev Reverts unless `current` is the stored valset.
    function _checkCurrent(Valset calldata current) private view {
        if (checkpointOf(current) != valsetCheckpoint) revert IncorrectCheckpoint();
    }

    /// @dev Checks the rules of a new valset (see MalformedValset) and that its
    /// total power is above the threshold, so it can ever sign anything.
    function _validateValset(address[] memory members, uint256[] memory powers) private pure {
        uint256 n = members.length;
        if (n == 0 || n > MAX_VALSET_MEMBERS || powers.length != n) revert MalformedValset();
        address previous;
        uint256 total;
        for (uint256 i; i < n; ++i) {
            address member = members[i];
            // Strictly ascending from the zero address: no duplicate, no zero.
            if (member <= previous) revert MalformedValset();
            uint256 power = powers[i];
            if (power == 0 || power > POWER_TOTAL) revert MalformedValset();
            // Cannot overflow: at most 200 terms of at most 2^32 each.
            unchecked {
                total += power;
            }
            previous = member;
        }
        if (total > POWER_TOTAL) revert MalformedValset();
        if (total <= POWER_THRESHOLD) revert InsufficientPower(total, POWER_THRESHOLD);
    }

    /// @dev Reverts unless the members of `v` whose signatures of `digest` are
    /// valid hold more than POWER_THRESHOLD. Stops checking as soon as the
    /// threshold is passed; an invalid signature before that point reverts.
    function _checkSignatures(Valset calldata v, Sig[] calldata sigs, bytes32 digest) private pure {
        uint256 n = v.members.length;
        if (sigs.length != n) revert SignatureCountMismatch(sigs.length, n);
        bytes32 signed = keccak256(abi.encodePacked("\x19Ethereum Signed Message:\n32", digest));
        uint256 power;
        for (uint256 i; i < n; ++i) {
            Sig calldata sig = sigs[i];
            uint8 sv = sig.v;
            if (sv == 0) continue;
            if (!_isValidSignature(v.members[i], signed, sv, sig.r, sig.s)) revert InvalidSignature(i);
            // Cannot overflow: a checked valset's powers sum to at most 2^32.
            unchecked {
                power += v.powers[i];
            }
            if (power > POWER_THRESHOLD) return;
        }
        revert InsufficientPower(power, POWER_THRESHOLD);
    }

    /// @dev ecrecover with the checks it lacks: v must be 27 or 28, s must be
    /// in the lower half of the curve order, and the zero address ecrecover
    /// returns on failure never matches.
    function _isValidSignature(address signer, bytes32 signed, uint8 v, bytes32 r, bytes32 s)
        private
        pure
        returns (bool)
    {
        if (v != 27 && v != 28) return false;
        if (uint256(s) > HALF_CURVE_ORDER) return false;
        address recovered = ecrecover(signed, v, r, s);
        return recovered != address(0) && recovered == signer;
    }

    /// @dev Reverts unless 1 <= bytes(s).length <= maxLength.
    function _checkString(string calldata s, uint256 maxLength) private pure {
        uint256 length = bytes(s).length;
        if (length == 0 || length > maxLength) revert InvalidString(length, maxLength);
    }
}
