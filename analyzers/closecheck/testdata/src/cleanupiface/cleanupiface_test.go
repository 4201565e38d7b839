package cleanupiface

import "testing"

func TestStart(t *testing.T) {
	p := Start(t) // stopped when the test ends
	_ = p.Addr()
}

func TestStartLit(t *testing.T) {
	p := StartLit(t)
	_ = p.Addr()
}

func TestStartSubtest(t *testing.T) {
	t.Run("sub", func(t *testing.T) {
		p := Start(t)
		_ = p.Addr()
	})
}

func startTB(tb testing.TB) *Provider {
	return Start(tb)
}

func TestStartTB(t *testing.T) {
	p := startTB(t)
	_ = p.Addr()
}

func TestStartLogger(t *testing.T) {
	p := Start(Logger{}) // want `from Start is not closed`
	_ = p.Addr()
}

func TestStartPlain(t *testing.T) {
	p := StartPlain(t) // want `from StartPlain is not closed`
	_ = p.Addr()
}
