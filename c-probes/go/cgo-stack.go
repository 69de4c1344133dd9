// C code called from Go runs on the calling thread's own stack, not on a
// goroutine stack. On a thread that Go's runtime started with cgo, that stack
// is whatever pthread_create gave it by default, so it is the C library's
// default thread stack size. This calls a C function that uses KIB kibibytes
// of stack from a goroutine locked to a new thread.
package main

/*
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>

static size_t thread_stack(void) {
	pthread_attr_t a;
	size_t size = 0;
	if (pthread_getattr_np(pthread_self(), &a) == 0) {
		pthread_attr_getstacksize(&a, &size);
		pthread_attr_destroy(&a);
	}
	return size;
}

// Touches the buffer one page at a time from its top (nearest the caller)
// down, as a growing stack is used: an overflow then always faults on the
// thread's guard page first. memset would start at the lowest address, which
// lies past the guard page and may fall in another mapping, so the crash
// would depend on the address-space layout of each run.
static int use_stack(int kib) {
	volatile char buf[kib * 1024];
	for (long i = (long)sizeof buf - 1; i >= 0; i -= 4096)
		buf[i] = 1;
	buf[0] = 1;
	return buf[kib * 1024 - 1];
}
*/
import "C"

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
)

// The main goroutine keeps the main thread, so the goroutine below needs a thread of its own.
func init() { runtime.LockOSThread() }

func main() {
	kib := 200
	if len(os.Args) > 1 {
		kib, _ = strconv.Atoi(os.Args[1])
	}
	fmt.Printf("main thread stack: %d KiB\n", C.thread_stack()/1024)
	done := make(chan int)
	go func() {
		// Locked to its own thread: the main thread stays with main(), so this runs on a thread Go created.
		runtime.LockOSThread()
		fmt.Printf("new thread stack: %d KiB\n", C.thread_stack()/1024)
		os.Stdout.Sync()
		fmt.Printf("C function using %d KiB of stack: returned %d\n", kib, C.use_stack(C.int(kib)))
		done <- 1
	}()
	<-done
}
