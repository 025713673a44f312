package web_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browser is one headless Chromium with its own profile (its own
// localStorage: its own browser key), sized like a phone.
type browser struct {
	t    *testing.T
	name string
	ctx  context.Context

	mu sync.Mutex
	// refused holds what the page's Content-Security-Policy blocked.
	refused []string
}

// chromium finds Debian's chromium (CHROMIUM overrides).
func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("chromium not found: `make test-web-e2e` installs Debian's chromium; or set CHROMIUM")
	return ""
}

func newBrowser(t *testing.T, name string) *browser {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromium(t)),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(390, 844),
		chromedp.Flag("headless", "new"),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx, chromedp.WithLogf(t.Logf))
	b := &browser{t: t, name: name, ctx: ctx}
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("%s: starting chromium: %v", name, err)
	}
	// The browser's console goes into the test log, to explain a failure.
	messages := chromedp.Console(ctx)
	go func() {
		for m, err := range messages {
			if err != nil {
				return
			}
			t.Logf("%s console %s: %s", name, m.Type, m.Text)
			if strings.Contains(m.Text, "Content Security Policy") {
				b.mu.Lock()
				b.refused = append(b.refused, m.Text)
				b.mu.Unlock()
			}
		}
	}()
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	return b
}

// requireNoCSPViolation fails when the page's Content-Security-Policy
// blocked any of the app's own scripts, styles or connections.
func (b *browser) requireNoCSPViolation() {
	b.t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.refused) > 0 {
		b.t.Fatalf("%s: the Content-Security-Policy blocked the app: %v", b.name, b.refused)
	}
}

// do runs actions with a deadline, failing the test with what was tried.
func (b *browser) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatalf("%s: %s: %v\npage text:\n%s", b.name, what, err, b.text())
	}
}

// text is the page's visible text (for failure messages).
func (b *browser) text() string {
	ctx, cancel := context.WithTimeout(b.ctx, 5*time.Second)
	defer cancel()
	s, _ := chromedp.Run(ctx, chromedp.Text(chromedp.CSS("body")))
	return s
}

func (b *browser) open(url string) {
	b.t.Helper()
	b.do("open "+url, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS("header")))
}

func (b *browser) click(sel string) {
	b.t.Helper()
	b.do("click "+sel, chromedp.WaitVisible(chromedp.CSS(sel)), chromedp.Click(chromedp.CSS(sel)))
}

// typeInto types text into the field matching sel, as a member would.
func (b *browser) typeInto(sel, text string) {
	b.t.Helper()
	b.do("type into "+sel, chromedp.WaitVisible(chromedp.CSS(sel)))
	b.eval(fmt.Sprintf(`(() => { document.querySelector(%q).value = ""; return ""; })()`, sel))
	b.do("type into "+sel, chromedp.SendKeys(chromedp.CSS(sel), text))
}

// waitText waits until the element matching sel shows text.
func (b *browser) waitText(sel, text string) {
	b.t.Helper()
	js := fmt.Sprintf(`[...document.querySelectorAll(%q)].some((e) => e.textContent.includes(%q))`, sel, text)
	b.waitJS(fmt.Sprintf("wait for %q in %s", text, sel), js)
}

// waitJS polls a JavaScript expression until it is true.
func (b *browser) waitJS(what, js string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 90*time.Second)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](js, chromedp.WithPollingTimeout(80*time.Second), chromedp.WithPollingInterval(200*time.Millisecond))); err != nil {
		b.t.Fatalf("%s: %s: %v\npage text:\n%s", b.name, what, err, b.text())
	}
}

// eval returns a JavaScript expression's string value.
func (b *browser) eval(js string) string {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.t.Fatalf("%s: eval %s: %v", b.name, js, err)
	}
	return s
}

// screenshot saves the page as dir/name.png.
func (b *browser) screenshot(dir, name string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	b.do("settle", chromedp.Sleep(300*time.Millisecond))
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatalf("%s: screenshot: %v", b.name, err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o600); err != nil {
		b.t.Fatal(err)
	}
}
