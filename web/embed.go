// Package web holds the member web app (TypeScript, built by Vite into
// dist/app) and serves the build embedded in kizunad at /app/.
package web

import (
	"embed"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

// dist holds dist/README.md always and dist/app once `make build` (or
// `npm run build` in web/) has built the app.
//
//go:embed all:dist
var dist embed.FS

// Prefix is the path the node serves the app under.
const Prefix = "/app/"

// App returns the embedded build, or nil when this binary was built without
// it (a plain `go build` that skipped the web build).
func App() fs.FS {
	sub, err := fs.Sub(dist, "dist/app")
	if err != nil {
		return nil
	}
	if _, err := fs.Stat(sub, "index.html"); err != nil {
		return nil
	}
	return sub
}

// ContentSecurityPolicy keeps the app to its own scripts and styles, so that
// text from the chain (ads, profiles, messages) can never run as code next
// to a member's key; it connects to its own origin and the CometBFT
// websocket of the same host.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Handler serves app under Prefix: hashed assets with a year-long cache,
// everything else (index.html) revalidated on every load so a node upgrade
// reaches members at once. Without a build it answers 404 with how to make
// one.
func Handler(app fs.FS) http.Handler {
	if app == nil {
		return http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
			http.Error(w, "this kizunad was built without the web app: build it with `make build`", http.StatusNotFound)
		})
	}
	files := http.FileServer(http.FS(app))
	return http.StripPrefix(strings.TrimSuffix(Prefix, "/"), http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if name != "" {
			if _, err := fs.Stat(app, name); err != nil {
				// The app routes in the URL fragment: any other path is a mistake.
				http.NotFound(w, r)
				return
			}
		}
		if strings.HasPrefix(name, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
		} else {
			w.Header().Set("Cache-Control", "no-cache")
		}
		w.Header().Set("Content-Security-Policy", ContentSecurityPolicy)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		files.ServeHTTP(w, r)
	}))
}
