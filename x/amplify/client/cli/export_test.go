package cli

// CommentTimestamp is commentTimestamp, for the tests.
var CommentTimestamp = commentTimestamp
