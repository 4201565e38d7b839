package consumer

import (
	"net/http"
	"shared"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	shared.Seen[r.URL.Path] = true // want `package-level map shared.Seen grows without bound: Handle writes it with keys from r.URL.Path \(parameter r\) and nothing deletes from it`
	shared.Tracked[r.URL.Path]++
	shared.Config.Hosts[r.Host] = r.RemoteAddr // want `package-level map shared.Config.Hosts grows without bound: Handle writes it`
}

func init() {
	shared.Seen["startup"] = true
}
