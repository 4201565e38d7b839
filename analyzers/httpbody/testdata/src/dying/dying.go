package dying

import (
	"exits"
	"log"
	"net/http"
	"os"
)

func die(msg string) {
	log.Print(msg)
	os.Exit(1)
}

// maybeDie returns when ok is true.
func maybeDie(ok bool) {
	if !ok {
		os.Exit(1)
	}
}

// A helper of the same package that calls os.Exit ends the path as
// log.Fatal does: the return after it is never reached.
func dieInSamePackage(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		die(err.Error())
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	die(resp.Status)
	return 0
}

func logFatal(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	log.Fatal(resp.Status)
	return 0
}

// The same through a helper of another package.
func dieInOtherPackage(url string) int {
	resp, err := http.Get(url)
	if err != nil {
		exits.Die(err.Error())
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	exits.Die(resp.Status)
	return 0
}

// A helper that returns on one path does not end it.
func helperThatMayReturn(url string) int {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 75`
	if err != nil {
		die(err.Error())
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	maybeDie(false)
	return 0
}

// Recursion alone is not taken for an end.
func spin(n int) {
	if n > 0 {
		spin(n - 1)
	}
}

func recursiveHelper(url string) int {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 95`
	if err != nil {
		die(err.Error())
	}
	if resp.StatusCode == http.StatusOK {
		defer resp.Body.Close()
		return resp.StatusCode
	}
	spin(3)
	return 0
}
