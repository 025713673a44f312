package main

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSplitList_DropsEmptyItemsAndSpaces(t *testing.T) {
	require.Equal(t, []string{"bank-send", "ledger-transfer"}, splitList(" bank-send, ,ledger-transfer,"))
	require.Empty(t, splitList(""))
}

func TestRun_RejectsBadArguments(t *testing.T) {
	for name, args := range map[string][]string{
		"unknown flag":     {"-nope"},
		"stray argument":   {"bank-send"},
		"unknown workload": {"-workloads", "bank-send,nope"},
		"unknown executor": {"-executors", "parallel"},
		"odd accounts":     {"-accounts", "41", "-txs-per-block", "2", "-blocks", "1"},
		"no blocks":        {"-blocks", "0"},
	} {
		t.Run(name, func(t *testing.T) {
			require.Error(t, run(args))
		})
	}
}
