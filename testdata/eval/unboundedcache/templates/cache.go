package templates

import (
	"bytes"
	"fmt"
	"html/template"
	"net/http"
	"strings"
	texttemplate "text/template"
)

var (
	// Helpers available in every page; never written after start.
	funcs = template.FuncMap{
		"price": func(cents int) string { return fmt.Sprintf("%d.%02d", cents/100, cents%100) },
	}

	// Parsed once at initialisation from the built-in sources.
	pages = map[string]*template.Template{}

	// Rendered pages memoised by page name and product ID; every product
	// anyone ever viewed stays in memory.
	rendered = map[string][]byte{} // eval:leak unboundedcache

	// Stylesheets per theme, built lazily, but only for the themes that
	// exist in themeCSS.
	themeSheets = map[string][]byte{}

	// Subject templates memoised by the raw Accept-Language header, which
	// browsers send in countless combinations.
	subjects = map[string]*texttemplate.Template{} // eval:leak unboundedcache

	// Subject templates per supported language, keyed after the header is
	// reduced to one of the languages in subjectSources.
	subjectsByLang = map[string]*texttemplate.Template{}
)

func init() {
	for name, src := range pageSources {
		pages[name] = template.Must(template.New(name).Funcs(funcs).Parse(src))
	}
}

// Product renders the product page for id, reusing earlier renders.
func Product(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	key := "product/" + id
	mu.Lock()
	body, ok := rendered[key]
	mu.Unlock()
	if !ok {
		var buf bytes.Buffer
		data := struct {
			Name  string
			Cents int
		}{Name: "Product " + id, Cents: 1999}
		if err := pages["product"].Execute(&buf, data); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		body = buf.Bytes()
		mu.Lock()
		rendered[key] = body
		mu.Unlock()
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write(body)
}

// Theme serves the stylesheet of the theme named in the query.
func Theme(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("theme")
	css, ok := themeCSS[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	mu.Lock()
	sheet, ok := themeSheets[name]
	if !ok {
		sheet = []byte("/* " + name + " */\n" + css)
		themeSheets[name] = sheet
	}
	mu.Unlock()
	w.Header().Set("Content-Type", "text/css")
	_, _ = w.Write(sheet)
}

// Subject returns the order e-mail subject for the customer's browser
// language.
func Subject(r *http.Request, orderID string) (string, error) {
	al := r.Header.Get("Accept-Language")
	mu.Lock()
	t, ok := subjects[al]
	if !ok {
		src, found := subjectSources[baseLang(al)]
		if !found {
			src = subjectSources["en"]
		}
		var err error
		t, err = texttemplate.New("subject").Parse(src)
		if err != nil {
			mu.Unlock()
			return "", err
		}
		subjects[al] = t
	}
	mu.Unlock()
	var sb strings.Builder
	if err := t.Execute(&sb, orderID); err != nil {
		return "", err
	}
	return sb.String(), nil
}

// SubjectFor is Subject keyed by the supported language only.
func SubjectFor(r *http.Request, orderID string) (string, error) {
	lang := baseLang(r.Header.Get("Accept-Language"))
	if _, ok := subjectSources[lang]; !ok {
		lang = "en"
	}
	mu.Lock()
	t, ok := subjectsByLang[lang]
	if !ok {
		var err error
		t, err = texttemplate.New(lang).Parse(subjectSources[lang])
		if err != nil {
			mu.Unlock()
			return "", err
		}
		subjectsByLang[lang] = t
	}
	mu.Unlock()
	var sb strings.Builder
	if err := t.Execute(&sb, orderID); err != nil {
		return "", err
	}
	return sb.String(), nil
}
