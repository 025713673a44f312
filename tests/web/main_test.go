// Package web_test drives the member web app, served by a real kizunad, in
// real headless Chromium (Debian's chromium): two members in two browsers.
package web_test

import (
	"testing"

	"github.com/kizuna-chain/kizuna/testutil/e2e"
)

var kizunad string

func TestMain(m *testing.M) { e2e.Main(m, &kizunad) }
