// The same greeting without cgo: Go's own runtime makes the system calls, so
// a binary built with CGO_ENABLED=0 is static and needs no C library.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("hello from Go, no C library")
	os.Stdout.Sync()
}
