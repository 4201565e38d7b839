package cgo

// #include <stdlib.h>
import "C"

func Alloc() { C.free(C.malloc(1)) }
