// A Go program that calls one C function through cgo: with cgo the binary is
// linked against the C library of the machine it was built on; without cgo
// (CGO_ENABLED=0) it cannot be built at all, so that variant uses nocgo.go.
package main

/*
#include <stdio.h>
static void hello(void) { puts("hello from C, called from Go"); fflush(stdout); }
*/
import "C"

func main() {
	C.hello()
}
