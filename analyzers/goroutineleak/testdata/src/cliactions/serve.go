package cliactions

import "github.com/rs/zerolog/log"

// ServeBoth serves until one server fails. A failure of the second ends
// the process through a fatal event, the first server's goroutine still
// blocked on its send: it goes with the process. A failure of the first
// is only logged, and the second's goroutine is left blocked.
func ServeBoth(first, second func() error) {
	firstErr := make(chan error)
	secondErr := make(chan error)
	go func() {
		firstErr <- first()
	}()
	go func() { // want `goroutine blocks forever sending on secondErr: the caller can return at line 24 without receiving`
		secondErr <- second()
	}()
	select {
	case err := <-firstErr:
		log.Error().Err(err).Msg("the first server failed")
	case err := <-secondErr:
		log.Fatal().Err(err).Msg("the second server failed")
	}
}
