package summaries

import (
	"errors"
	"net/textproto"
)

// Mailer's Close closes its connection.
type Mailer struct{ text *textproto.Conn }

func (m *Mailer) Close() error { return m.text.Close() } // want Close:`lifetime\(releases param 0 always\)`

var errNoUser = errors.New("no user")

// Login closes the connection before each of its error returns.
func (m *Mailer) Login(user string) error { // want Login:`lifetime\(releases param 0 on failure\)`
	if user == "" {
		m.text.Close()
		return errNoUser
	}
	if err := m.text.PrintfLine("AUTH %s", user); err != nil {
		m.text.Close()
		return err
	}
	return nil
}

// Greet returns its first error with the connection still open: no
// summary.
func (m *Mailer) Greet(user string) error {
	if err := m.text.PrintfLine("HELO"); err != nil {
		return err
	}
	if err := m.text.PrintfLine("AUTH %s", user); err != nil {
		m.text.Close()
		return err
	}
	return nil
}
