package geoip

import (
	"net"
	"net/http"
	"net/netip"
)

var (
	// Every client address ever looked up is memoised, with no bound.
	locations = map[netip.Addr]Location{} // eval:leak unboundedcache

	// Static table of display names.
	countryNames = map[string]string{
		"DE": "Germany",
		"FR": "France",
		"US": "United States",
	}

	// Capped at 4096 entries; the oldest is evicted on insert.
	asnCache = newLRU(4096)

	// Keyed by the /8 network of the address: at most 256 IPv4 and 256
	// IPv6 prefixes.
	hitsBySlash8 = map[netip.Prefix]int{}

	// Addresses the database did not know, appended on every miss.
	misses []string // eval:leak unboundedcache
)

// ForRequest returns the location of the client that sent r.
func ForRequest(res Resolver, r *http.Request) (Location, error) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return Location{}, err
	}
	addr, err := netip.ParseAddr(host)
	if err != nil {
		return Location{}, err
	}
	addr = addr.Unmap()
	if p, err := addr.Prefix(8); err == nil {
		mu.Lock()
		hitsBySlash8[p]++
		mu.Unlock()
	}

	mu.Lock()
	loc, ok := locations[addr]
	mu.Unlock()
	if ok {
		return loc, nil
	}
	loc, err = res.Lookup(addr)
	if err != nil {
		mu.Lock()
		misses = append(misses, addr.String())
		mu.Unlock()
		return Location{}, err
	}
	mu.Lock()
	locations[addr] = loc
	mu.Unlock()
	return loc, nil
}

// ASN returns the autonomous system of addr.
func ASN(res Resolver, addr netip.Addr) (uint32, error) {
	if asn, ok := asnCache.get(addr); ok {
		return asn, nil
	}
	loc, err := res.Lookup(addr)
	if err != nil {
		return 0, err
	}
	asnCache.add(addr, loc.ASN)
	return loc.ASN, nil
}

// CountryName returns the display name of an ISO country code.
func CountryName(code string) string {
	if n, ok := countryNames[code]; ok {
		return n
	}
	return code
}
