/*
 * A shared library with a thread-local variable compiled for the
 * initial-exec TLS model: the code reaches the variable at a fixed offset
 * from the thread pointer, which only works if the variable sits in the
 * static TLS block set up when the program started.
 */
__attribute__((tls_model("initial-exec"))) __thread int counter = 41;

int bump(void) { return ++counter; }
