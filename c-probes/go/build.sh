# Builds one Go program with the suite's Go. CC is the environment's C compiler
# (gcc, or musl-gcc in a musl environment): cgo compiles and links with it.
# CGO_ENABLED and GOFLAGS come from the manifest's "compile.env".
go build -o "$OUT/$NAME" "$NAME.go"
