// Package expecterr: tests that expect an acquisition to fail.
package expecterr
