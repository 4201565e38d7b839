package shipping

import (
	"context"
	"time"
)

var (
	// Quotes memoised by origin, destination and exact weight: every
	// address pair and weight a shopper tries is kept.
	quotes = map[quoteKey]Quote{} // eval:leak unboundedcache

	// Carrier rates by origin and destination; RefreshRates clears the
	// whole map every hour.
	rates = map[string]Quote{}

	// Health of each carrier: three keys.
	carrierUp = map[Carrier]bool{}

	// Carriers serving each country, filled in init.
	carriersFor = map[string][]Carrier{}

	// Time of the last rate refresh.
	lastRefresh time.Time
)

func init() {
	carriersFor["DE"] = []Carrier{DHL, UPS}
	carriersFor["US"] = []Carrier{UPS, FedEx}
	carriersFor["FR"] = []Carrier{DHL, UPS, FedEx}
}

// Cheapest returns the cheapest quote for a parcel of grams from one
// postal code to another within country.
func Cheapest(ctx context.Context, api RateAPI, country, from, to string, grams int) (Quote, error) {
	key := quoteKey{from: from, to: to, grams: grams}
	mu.Lock()
	q, ok := quotes[key]
	mu.Unlock()
	if ok {
		return q, nil
	}
	var best Quote
	found := false
	for _, c := range carriersFor[country] {
		mu.Lock()
		up, known := carrierUp[c]
		mu.Unlock()
		if known && !up {
			continue
		}
		cq, err := api.Rate(ctx, c, from, to, grams)
		mu.Lock()
		carrierUp[c] = err == nil
		mu.Unlock()
		if err != nil {
			continue
		}
		if !found || cq.Cents < best.Cents {
			best, found = cq, true
		}
	}
	if !found {
		return Quote{}, ErrNoRoute
	}
	mu.Lock()
	quotes[key] = best
	mu.Unlock()
	return best, nil
}

// Rate returns the carrier's rate between two postal codes, cached for
// up to an hour.
func Rate(ctx context.Context, api RateAPI, c Carrier, from, to string) (Quote, error) {
	key := from + ">" + to
	mu.Lock()
	q, ok := rates[key]
	mu.Unlock()
	if ok {
		return q, nil
	}
	q, err := api.Rate(ctx, c, from, to, 1000)
	if err != nil {
		return Quote{}, err
	}
	mu.Lock()
	rates[key] = q
	mu.Unlock()
	return q, nil
}

// RefreshRates forgets every cached rate each rateTTL until ctx is done.
func RefreshRates(ctx context.Context) {
	t := time.NewTicker(rateTTL)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			mu.Lock()
			clear(rates)
			lastRefresh = now
			mu.Unlock()
		}
	}
}
