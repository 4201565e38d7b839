package typeerr

func Mismatch() int { return "not an int" }
