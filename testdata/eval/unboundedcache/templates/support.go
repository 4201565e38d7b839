// Package templates renders the HTML pages and e-mails of the shop.
package templates

import (
	"errors"
	"strings"
	"sync"
)

// ErrNoTemplate is returned for a page name that has no template.
var ErrNoTemplate = errors.New("templates: no such template")

var mu sync.Mutex

var pageSources = map[string]string{
	"home":    `<h1>{{.Title}}</h1>`,
	"product": `<h1>{{.Name}}</h1><p>{{price .Cents}}</p>`,
	"cart":    `{{range .Items}}<li>{{.Name}}</li>{{end}}`,
}

var themeCSS = map[string]string{
	"light": "body{background:#fff}",
	"dark":  "body{background:#111}",
}

var subjectSources = map[string]string{
	"en": "Your order {{.}}",
	"de": "Ihre Bestellung {{.}}",
	"fr": "Votre commande {{.}}",
}

func baseLang(acceptLanguage string) string {
	tag, _, _ := strings.Cut(acceptLanguage, ",")
	tag, _, _ = strings.Cut(tag, ";")
	tag, _, _ = strings.Cut(strings.TrimSpace(tag), "-")
	return strings.ToLower(tag)
}
