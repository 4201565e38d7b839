// Package i18n translates the user interface's messages.
package i18n

import (
	"strings"
	"sync"
)

var mu sync.Mutex

// Locale is a supported interface language.
type Locale string

// The supported locales.
const (
	English Locale = "en"
	German  Locale = "de"
	French  Locale = "fr"
)

const catalogue = `
en|cart.empty|Your cart is empty
en|order.placed|Order %s placed
de|cart.empty|Ihr Warenkorb ist leer
de|order.placed|Bestellung %s aufgegeben
fr|cart.empty|Votre panier est vide
`

// Match reduces an Accept-Language header to a supported locale.
func Match(acceptLanguage string) Locale {
	for _, part := range strings.Split(acceptLanguage, ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		tag, _, _ = strings.Cut(tag, "-")
		switch Locale(strings.ToLower(tag)) {
		case English:
			return English
		case German:
			return German
		case French:
			return French
		}
	}
	return English
}
