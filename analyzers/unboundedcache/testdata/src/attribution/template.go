package attribution

import "context"

// A template whose pointer field the package leaves nil: a program that
// shares one allowlist sets Default.OnDemand to a value of its own,
// and the names it asks to manage are its configuration. The map is not
// certainly Default's.
type OnDemand struct {
	allow map[string]struct{}
}

type Manager struct {
	OnDemand *OnDemand
	Managed  map[string]int
}

var Default = Manager{Managed: map[string]int{}} // want Default:`growOnly\("Managed"\)` `package-level map Default.Managed grows without bound: \(\*Manager\).Manage writes it with keys from name \(loop over names\)`

// New copies the template; the copy shares whatever Default.OnDemand
// holds, as the program set it.
func New(m Manager) *Manager {
	if m.OnDemand == nil {
		m.OnDemand = Default.OnDemand
	}
	return &m
}

func (m *Manager) Manage(ctx context.Context, names []string) {
	if m.OnDemand != nil && m.OnDemand.allow == nil {
		m.OnDemand.allow = map[string]struct{}{}
	}
	for _, name := range names {
		if m.OnDemand != nil {
			m.OnDemand.allow[name] = struct{}{}
			continue
		}
		// The variable's own map, made by its initialiser: reported.
		m.Managed[name]++
	}
}
