// Package devtools holds the helpers of the developer tooling: free ports
// for local servers, pid files, scratch files, fleet commands over ssh and
// a clock-skew check.
package devtools

import (
	"encoding/binary"
	"errors"
	"time"
)

// ErrRunning is returned when the pid file names a live process.
var ErrRunning = errors.New("devtools: already running")

// ntpEpochOffset is the number of seconds between 1900 and 1970.
const ntpEpochOffset = 2208988800

// ntpTime decodes the transmit timestamp of an NTP answer.
func ntpTime(packet []byte) time.Time {
	secs := binary.BigEndian.Uint32(packet[40:44])
	frac := binary.BigEndian.Uint32(packet[44:48])
	nsec := (int64(frac) * 1e9) >> 32
	return time.Unix(int64(secs)-ntpEpochOffset, nsec)
}
