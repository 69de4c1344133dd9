// Looks up one name the way a Go server does (net.DefaultResolver), printing
// each address, an error if any, and the time taken. Which resolver answers is
// chosen at run time with GODEBUG=netdns=go (Go's own, reading resolv.conf) or
// GODEBUG=netdns=cgo (the C library's getaddrinfo); "+1" makes Go say which.
package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	name := "api.example.test"
	if len(os.Args) > 1 {
		name = os.Args[1]
	}
	network := "ip"
	if len(os.Args) > 2 {
		network = os.Args[2]
	}
	start := time.Now()
	addrs, err := net.DefaultResolver.LookupIP(context.Background(), network, name)
	elapsed := time.Since(start)
	if err != nil {
		fmt.Printf("%s: error: %v\n", name, err)
	} else {
		fmt.Printf("%s: %d address(es)\n", name, len(addrs))
		for _, a := range addrs {
			fmt.Printf("  %s\n", a)
		}
	}
	fmt.Printf("addresses=%d\n", len(addrs))
	fmt.Printf("elapsed_ms=%.1f\n", float64(elapsed.Microseconds())/1000)
	if err != nil {
		os.Exit(1)
	}
}
